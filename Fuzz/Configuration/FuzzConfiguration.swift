// libFuzzer target for the configuration decoder (WijkAnalysis/Configuration: Yams and the
// strict keyed decoding, then the cross-key rules). Any text must decode to a configuration or
// throw a ConfigurationError, never trap, hang or exhaust the stack. Path resolution and the
// separate groups file are left out: they read other files, not the text.
@testable import WijkAnalysis

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let text = String(decoding: bytes, as: UTF8.self)
  do {
    let config = try ConfigurationLoader.decode(
      AnalysisConfiguration.self, from: text, file: "fuzz.yaml")
    try ConfigurationLoader.validate(config, file: "fuzz.yaml")
  } catch {
    _ = error.description
  }
  return 0
}
