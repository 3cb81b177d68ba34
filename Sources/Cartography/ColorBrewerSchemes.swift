// ColorBrewer 2.0 colour schemes, exact hex values per number of classes.
//
// Source: Cynthia Brewer, Mark Harrower and The Pennsylvania State University, ColorBrewer 2.0
// (colorbrewer2.org), Apache License 2.0. The values are those packaged in
// d3/d3-scale-chromatic (`src/sequential-single/*.js`, `src/sequential-multi/*.js`,
// `src/diverging/*.js`, commit 6d00ca7), one string per class count starting at 3 classes.
// Only schemes that ColorBrewer marks colour-blind safe for every class count are listed.
// The 9-class sequential and the largest diverging schemes are checked in the tests against
// matplotlib 3.11's `_cm.py`, which carries the same ColorBrewer data as RGB fractions.

enum ColorBrewerSchemes {
  /// name -> (kind, strings of concatenated 6-digit hex colours for 3, 4, ... classes).
  static let table: [(name: String, kind: PaletteKind, schemes: [String])] = [
    (
      "YlOrRd", .sequential,
      [
        "ffeda0feb24cf03b20",
        "ffffb2fecc5cfd8d3ce31a1c",
        "ffffb2fecc5cfd8d3cf03b20bd0026",
        "ffffb2fed976feb24cfd8d3cf03b20bd0026",
        "ffffb2fed976feb24cfd8d3cfc4e2ae31a1cb10026",
        "ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cb10026",
        "ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cbd0026800026",
      ]
    ),
    (
      "YlGnBu", .sequential,
      [
        "edf8b17fcdbb2c7fb8",
        "ffffcca1dab441b6c4225ea8",
        "ffffcca1dab441b6c42c7fb8253494",
        "ffffccc7e9b47fcdbb41b6c42c7fb8253494",
        "ffffccc7e9b47fcdbb41b6c41d91c0225ea80c2c84",
        "ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea80c2c84",
        "ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea8253494081d58",
      ]
    ),
    (
      "Blues", .sequential,
      [
        "deebf79ecae13182bd",
        "eff3ffbdd7e76baed62171b5",
        "eff3ffbdd7e76baed63182bd08519c",
        "eff3ffc6dbef9ecae16baed63182bd08519c",
        "eff3ffc6dbef9ecae16baed64292c62171b5084594",
        "f7fbffdeebf7c6dbef9ecae16baed64292c62171b5084594",
        "f7fbffdeebf7c6dbef9ecae16baed64292c62171b508519c08306b",
      ]
    ),
    (
      "Purples", .sequential,
      [
        "efedf5bcbddc756bb1",
        "f2f0f7cbc9e29e9ac86a51a3",
        "f2f0f7cbc9e29e9ac8756bb154278f",
        "f2f0f7dadaebbcbddc9e9ac8756bb154278f",
        "f2f0f7dadaebbcbddc9e9ac8807dba6a51a34a1486",
        "fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a34a1486",
        "fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a354278f3f007d",
      ]
    ),
    (
      "Greens", .sequential,
      [
        "e5f5e0a1d99b31a354",
        "edf8e9bae4b374c476238b45",
        "edf8e9bae4b374c47631a354006d2c",
        "edf8e9c7e9c0a1d99b74c47631a354006d2c",
        "edf8e9c7e9c0a1d99b74c47641ab5d238b45005a32",
        "f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45005a32",
        "f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45006d2c00441b",
      ]
    ),
    (
      "RdBu", .diverging,
      [
        "ef8a62f7f7f767a9cf",
        "ca0020f4a58292c5de0571b0",
        "ca0020f4a582f7f7f792c5de0571b0",
        "b2182bef8a62fddbc7d1e5f067a9cf2166ac",
        "b2182bef8a62fddbc7f7f7f7d1e5f067a9cf2166ac",
        "b2182bd6604df4a582fddbc7d1e5f092c5de4393c32166ac",
        "b2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac",
        "67001fb2182bd6604df4a582fddbc7d1e5f092c5de4393c32166ac053061",
        "67001fb2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac053061",
      ]
    ),
    (
      "PuOr", .diverging,
      [
        "f1a340f7f7f7998ec3",
        "e66101fdb863b2abd25e3c99",
        "e66101fdb863f7f7f7b2abd25e3c99",
        "b35806f1a340fee0b6d8daeb998ec3542788",
        "b35806f1a340fee0b6f7f7f7d8daeb998ec3542788",
        "b35806e08214fdb863fee0b6d8daebb2abd28073ac542788",
        "b35806e08214fdb863fee0b6f7f7f7d8daebb2abd28073ac542788",
        "7f3b08b35806e08214fdb863fee0b6d8daebb2abd28073ac5427882d004b",
        "7f3b08b35806e08214fdb863fee0b6f7f7f7d8daebb2abd28073ac5427882d004b",
      ]
    ),
  ]
}
