// Where ward names go on a map, so that no ward is left unnamed: a name where it fits, else a
// number (beside its ward with a leader line when the ward's own spot is taken) that the key
// beside the map resolves.

import WijkCore

/// The placed names and numbers of one map, in SVG user units.
struct LabelLayout {
  /// A ward written by name at its anchor.
  struct Name {
    var ward: Int
    var at: (x: Double, y: Double)
  }

  /// A ward written by number; `leaderFrom` is the ward's anchor when the number stands
  /// beside the ward rather than on it.
  struct Number {
    var ward: Int
    var number: Int
    var at: (x: Double, y: Double)
    var leaderFrom: (x: Double, y: Double)?
  }

  var names: [Name] = []
  /// Numbered 1, 2, … in ward order, so the key reads in the order of the ward table.
  var numbers: [Number] = []

  /// Font size of names and numbers (SVG units); boxes are `1.3 ×` this high.
  static let fontSize = 9.0

  /// Lays out `wards`: highlighted wards first, then larger wards, each named at its anchor
  /// when the name's box overlaps no box already placed; every other ward gets a number,
  /// on its anchor when free, else at the nearest free spot of a ring around it (with a
  /// leader line), else on its anchor regardless (a crowded number still names the ward).
  init(wards: [PaintedWard], highlighted: Set<String>, transform t: ViewTransform) {
    func size(_ w: PaintedWard) -> Double {
      w.ward.geometry.envelope.map { $0.width * $0.height } ?? 0
    }
    // The sort keys once per ward, not once per comparison (an envelope walks every vertex).
    let isHighlighted = wards.map { highlighted.contains($0.ward.id) }
    let sizes = wards.map(size)
    let candidates = wards.indices.filter { wards[$0].ward.anchor != nil }.sorted { a, b in
      isHighlighted[a] != isHighlighted[b] ? isHighlighted[a] : sizes[a] > sizes[b]
    }
    var boxes: [Envelope] = []
    var unnamed: [Int] = []
    for i in candidates {
      let p = t.apply(wards[i].ward.anchor!)
      let box = LabelLayout.box(wards[i].ward.name, at: (p.x, p.y))
      if boxes.contains(where: { $0.intersects(box) }) {
        unnamed.append(i)
        continue
      }
      boxes.append(box)
      names.append(Name(ward: i, at: (p.x, p.y)))
    }
    names.sort { $0.ward < $1.ward }
    for (k, i) in unnamed.sorted().enumerated() {
      let p = t.apply(wards[i].ward.anchor!)
      let (spot, moved) = LabelLayout.freeSpot(String(k + 1), near: (p.x, p.y), avoiding: boxes)
      boxes.append(LabelLayout.box(String(k + 1), at: spot))
      numbers.append(
        Number(ward: i, number: k + 1, at: spot, leaderFrom: moved ? (p.x, p.y) : nil))
    }
  }

  /// The box a text centred on `at` covers, with a pixel of air around it.
  static func box(_ text: String, at p: (x: Double, y: Double)) -> Envelope {
    let half = MapCanvas.textWidth(text, size: fontSize) / 2 + 1
    let halfHeight = fontSize * 0.65
    return Envelope(minX: p.x - half, minY: p.y - halfHeight, maxX: p.x + half, maxY: p.y + halfHeight)
  }

  /// `near` when the text fits there, else the first free spot on rings of 16 and 26 units
  /// (eight directions, starting east), else `near`; `moved` says whether it left `near`.
  static func freeSpot(_ text: String, near p: (x: Double, y: Double), avoiding boxes: [Envelope])
    -> (spot: (x: Double, y: Double), moved: Bool)
  {
    func free(_ q: (x: Double, y: Double)) -> Bool {
      let b = box(text, at: q)
      return !boxes.contains { $0.intersects(b) }
    }
    if free(p) { return (p, false) }
    let directions: [(Double, Double)] = [
      (1, 0), (0.71, -0.71), (0, -1), (-0.71, -0.71), (-1, 0), (-0.71, 0.71), (0, 1), (0.71, 0.71),
    ]
    for radius in [16.0, 26.0] {
      for (dx, dy) in directions {
        let q = (x: p.x + dx * radius, y: p.y + dy * radius)
        if free(q) { return (q, true) }
      }
    }
    return (p, false)
  }
}
