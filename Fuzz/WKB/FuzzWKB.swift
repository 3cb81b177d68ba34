// libFuzzer target for the WKB reader (WijkCore/WKB.swift): any bytes must decode or throw a
// WKBError, never trap, over-read, recurse without bound or allocate before checking counts.
// A decoded geometry must survive an encode/decode round trip unchanged in shape.
import WijkCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWKB(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  guard let geometry = try? WKB.decode(bytes) else { return 0 }
  // Re-encoding writes 2D little-endian ISO WKB; reading it back must succeed.
  let again = WKB.encode(geometry)
  guard (try? WKB.decode(again)) != nil else { fatalError("re-encoded WKB does not decode") }
  return 0
}
