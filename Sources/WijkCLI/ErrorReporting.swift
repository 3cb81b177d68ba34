import ArgumentParser
import Foundation
import WijkAnalysis
import WijkEngine
import WijkIO

/// The one place where library errors become a message on stderr and an exit code.
///
/// Every command's `run()` calls ``reportingErrors(_:)``; library code never prints or
/// exits. Usage errors stay ArgumentParser's (exit 64 with the usage line).
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as ExitCode {
    throw error
  } catch let error as ValidationError {
    throw error
  } catch {
    FileHandle.standardError.write(Data("wijk: error: \(message(for: error))\n".utf8))
    throw exitCode(for: error)
  }
}

/// The text of `error`: its `description`, which every wijk error writes as a sentence,
/// never with a connection string's password (``DataSourceName/redacted(_:)``).
func message(for error: any Error) -> String {
  DataSourceName.redacted(String(describing: error))
}

/// Sorts an error into wrong arguments (64), bad input (65), missing input (66), unwritable output (73), bad
/// configuration (78) or internal failure (70).
func exitCode(for error: any Error) -> ExitCode {
  switch error {
  case let e as IOError:
    switch e {
    case .fileNotFound, .cannotOpen: return WijkExit.noInput
    case .writeFailed, .tableExists: return WijkExit.cannotCreate
    case .gdalFailure: return WijkExit.software
    case .optionNotApplicable: return WijkExit.configuration
    default: return WijkExit.dataError
    }
  case CommandInputError.invalidOption: return WijkExit.usage
  case ConfigurationError.missing: return WijkExit.noInput
  case is ConfigurationError: return WijkExit.configuration
  case is OutputError: return WijkExit.cannotCreate
  case is EngineError, is AnalysisError: return WijkExit.dataError
  default: return classifiedByModule(error)
  }
}

/// Errors of the joins and statistics are about the data given; anything else is ours.
private func classifiedByModule(_ error: any Error) -> ExitCode {
  let module = String(reflecting: type(of: error)).split(separator: ".").first ?? ""
  return ["WijkAnalysis", "SpatialStats", "SpatialWeights", "WijkIO", "WijkEngine"]
    .contains(String(module)) ? WijkExit.dataError : WijkExit.software
}

/// Writes a progress or warning line to stderr unless `quiet`.
func note(_ text: String, quiet: Bool = false) {
  guard !quiet else { return }
  FileHandle.standardError.write(Data("wijk: \(DataSourceName.redacted(text))\n".utf8))
}
