// The seeded generator behind every permutation test. Same seed, same draws, on every platform.

/// xoshiro256** (Blackman & Vigna 2018), seeded by SplitMix64 from one 64-bit seed.
///
/// Chosen for speed (a few shifts and one multiply per 64 bits) and for a fully specified
/// output stream: a result reported with its seed can be replayed exactly. Bounded integers use
/// Lemire's multiply-and-reject method on 32-bit halves of each output, so draws are exactly
/// uniform.
///
/// References: Blackman, D. & Vigna, S. (2018), Scrambled linear pseudorandom number
/// generators; Lemire, D. (2019), Fast random integer generation in an interval, ACM TOMACS 29(1).
public struct PermutationGenerator: RandomNumberGenerator, Sendable {
  private var s0, s1, s2, s3: UInt64
  private var spare: UInt64 = 0
  private var hasSpare = false

  /// - Parameter seed: Any 64-bit value; SplitMix64 expands it into the 256-bit state.
  public init(seed: UInt64) {
    var x = seed
    func splitMix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    (s0, s1, s2, s3) = (splitMix(), splitMix(), splitMix(), splitMix())
  }

  /// The next 64 random bits.
  @inline(__always)
  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// The next 32 random bits (half of a 64-bit output; the other half is kept for the next call).
  @inline(__always)
  mutating func next32() -> UInt32 {
    if hasSpare {
      hasSpare = false
      return UInt32(truncatingIfNeeded: spare >> 32)
    }
    spare = next()
    hasSpare = true
    return UInt32(truncatingIfNeeded: spare)
  }

  /// A uniform integer in `0..<range` (Lemire's method), `range` ≥ 1.
  @inline(__always)
  mutating func below(_ range: UInt32) -> UInt32 {
    var m = UInt64(next32()) &* UInt64(range)
    var low = UInt32(truncatingIfNeeded: m)
    if low < range {
      let threshold = (0 &- range) % range
      while low < threshold {
        m = UInt64(next32()) &* UInt64(range)
        low = UInt32(truncatingIfNeeded: m)
      }
    }
    return UInt32(truncatingIfNeeded: m >> 32)
  }

  /// A uniform integer in `0..<range` from one full 64-bit output (Lemire's method on 64 bits:
  /// the rejection threshold is then below 2⁻³² and the branch is almost never taken).
  @inline(__always)
  mutating func below64(_ range: UInt32) -> UInt32 {
    let r = UInt64(range)
    var m = next().multipliedFullWidth(by: r)
    if m.low < r {
      let threshold = (0 &- r) % r
      while m.low < threshold { m = next().multipliedFullWidth(by: r) }
    }
    return UInt32(truncatingIfNeeded: m.high)
  }

  /// Shuffles `values` in place (Fisher–Yates).
  mutating func shuffle(_ values: inout [Double]) {
    values.withUnsafeMutableBufferPointer { v in
      var i = v.count - 1
      while i > 0 {
        let j = Int(below(UInt32(i + 1)))
        v.swapAt(i, j)
        i -= 1
      }
    }
  }
}
