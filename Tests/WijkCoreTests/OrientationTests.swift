// The exact orientation predicate (WijkCore/Orientation.swift) where rounding would decide.

import Testing
import WijkCore

@Suite struct OrientationTests {
  @Test("Exact sign where the naive determinant is wrong")
  func nearlyCollinear() {
    // c = a + t(b − a) for t = 0.5 is exactly on the line when the coordinates are exact
    // binary fractions; nudging c.y by one ulp must flip the sign, not vanish in rounding.
    let (ax, ay, bx, by) = (229_000.125, 184_000.5, 231_000.875, 186_001.25)
    let cx = (ax + bx) / 2
    let cy = (ay + by) / 2
    #expect(orientation(ax, ay, bx, by, cx, cy) == 0)
    #expect(orientation(ax, ay, bx, by, cx, cy.nextUp) == 1)
    #expect(orientation(ax, ay, bx, by, cx, cy.nextDown) == -1)
    // Shewchuk's classic: 0.5 + small offsets in a tiny grid around a diagonal; the exact
    // answer is the sign of (y − x) for points near y = x when a = (12, 12), b = (24, 24).
    for i in 0..<16 {
      for j in 0..<16 {
        let x = 0.5 + Double(i) * 0x1p-53
        let y = 0.5 + Double(j) * 0x1p-53
        let want = j > i ? 1 : (j < i ? -1 : 0)
        #expect(orientation(12, 12, 24, 24, x, y) == want, "\(i) \(j)")
      }
    }
  }
}
