import ArgumentParser
import WijkAnalysis

/// What to do with a ward layer that is not clean, shared by every command that loads wards.
struct WardCheckOptions: ParsableArguments {
  @Flag(help: "Repair invalid ward polygons with GEOS make-valid instead of stopping.")
  var repair = false

  @Flag(help: "Accept overlapping wards (points still count once) instead of stopping.")
  var allowOverlaps = false

  /// The loading policy these flags ask for.
  var loading: WardLoadingOptions {
    WardLoadingOptions(repair: repair, allowOverlaps: allowOverlaps)
  }
}
