import Foundation

/// Writes a run's files all-or-nothing: everything goes into a staging folder inside the
/// target folder, and only when every file is written are they moved into place, each by an
/// atomic rename. A failed run leaves the previous outputs as they were; files in the
/// target folder that this run does not write are never touched.
public final class OutputDirectory {
  /// The folder the outputs end up in (e.g. `out/`).
  public let target: URL
  /// The staging folder, removed after `commit()` or `discard()`.
  public let staging: URL
  private var written: [String] = []
  /// Whether this run created `target` (then a discarded run removes it again).
  private let createdTarget: Bool

  /// Creates `target` if needed and a fresh staging folder inside it.
  /// - Throws: ``OutputError/cannotCreate(path:reason:)``.
  public init(path: String) throws(OutputError) {
    target = URL(fileURLWithPath: path, isDirectory: true)
    staging = target.appendingPathComponent(
      ".wijk-staging-\(ProcessInfo.processInfo.processIdentifier)")
    createdTarget = !FileManager.default.fileExists(atPath: target.path)
    do {
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      throw .cannotCreate(path: path, reason: error.localizedDescription)
    }
  }

  /// The staging path for `relativePath` (e.g. `maps/gas_share.svg`); parent folders are
  /// created. Writers write there; ``commit()`` moves it to the target.
  public func stagedURL(_ relativePath: String) throws(OutputError) -> URL {
    let url = staging.appendingPathComponent(relativePath)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw .cannotCreate(path: url.path, reason: error.localizedDescription)
    }
    written.append(relativePath)
    return url
  }

  /// Writes `text` as UTF-8 to `relativePath` in the staging folder.
  public func write(_ text: String, to relativePath: String) throws(OutputError) {
    let url = try stagedURL(relativePath)
    do {
      try Data(text.utf8).write(to: url)
    } catch {
      throw .cannotCreate(path: url.path, reason: error.localizedDescription)
    }
  }

  /// Moves every staged file into the target folder (each by rename, replacing an older file
  /// of the same name) and removes the staging folder.
  /// - Returns: the final paths, in the order they were staged.
  @discardableResult
  public func commit() throws(OutputError) -> [String] {
    var finals: [String] = []
    for relative in written {
      let from = staging.appendingPathComponent(relative)
      let to = target.appendingPathComponent(relative)
      do {
        try FileManager.default.createDirectory(
          at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        if rename(from.path, to.path) != 0 {
          throw OutputError.cannotCreate(path: to.path, reason: String(cString: strerror(errno)))
        }
      } catch let e as OutputError {
        throw e
      } catch {
        throw .cannotCreate(path: to.path, reason: error.localizedDescription)
      }
      finals.append(to.path)
    }
    try? FileManager.default.removeItem(at: staging)
    return finals
  }

  /// Removes the staging folder and everything in it, and the target folder too when this
  /// run created it and nothing else is in it.
  public func discard() {
    try? FileManager.default.removeItem(at: staging)
    if createdTarget,
      (try? FileManager.default.contentsOfDirectory(atPath: target.path))?.isEmpty == true
    {
      try? FileManager.default.removeItem(at: target)
    }
  }
}

/// Why an output could not be written.
public enum OutputError: Error, Equatable, Sendable, CustomStringConvertible {
  case cannotCreate(path: String, reason: String)
  public var description: String {
    switch self {
    case .cannotCreate(let p, let r):
      "\(p): cannot be written (\(r)); earlier outputs were left as they were"
    }
  }
}
