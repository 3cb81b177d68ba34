import Foundation

/// Writes a run's files all-or-nothing. Everything goes into a staging folder beside the
/// target folder; when every file is written, the user's own files in the target (those this
/// run does not write) are linked into it and the two folders are swapped in one atomic step
/// (``FolderSwap``). A failed run, or one killed at any moment, leaves the previous outputs
/// as they were; files in the target that this run does not write are kept unchanged. The
/// staging folder of a killed run is removed by the next run.
///
/// Where the swap is not possible (a file system without `RENAME_EXCHANGE`, a folder whose
/// parent cannot be written) the files are moved one by one, each by an atomic rename: a
/// failed run still leaves the previous outputs, a killed one may leave some new files.
public final class OutputDirectory {
  /// The folder the outputs end up in (e.g. `out/`), symbolic links resolved.
  public let target: URL
  /// The staging folder, removed after `commit()` or `discard()`.
  public let staging: URL
  private var written: [String] = []
  /// Whether the staging folder lies beside the target (then the commit is one swap).
  private let besideTarget: Bool

  /// Creates a fresh staging folder beside `path` (inside it when its parent cannot be
  /// written) and removes the staging folders that killed runs left there.
  /// - Throws: ``OutputError/cannotCreate(path:reason:)``.
  public init(path: String) throws(OutputError) {
    target = URL(fileURLWithPath: path, isDirectory: true).resolvingSymlinksInPath()
    let parent = target.deletingLastPathComponent()
    let prefix = Self.stagingPrefix(target)
    let name = "\(prefix)\(getpid())-\(UUID().uuidString.prefix(8))"
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder),
      !isFolder.boolValue
    {
      throw .cannotCreate(path: path, reason: "it is a file, not a folder; give another --out")
    }
    Self.removeLeftovers(in: parent, prefix: prefix)
    Self.removeLeftovers(in: target, prefix: ".wijk-staging-")
    do {
      let beside = parent.appendingPathComponent(name, isDirectory: true)
      if !Self.holdsWorkingDirectory(target),
        (try? FileManager.default.createDirectory(at: beside, withIntermediateDirectories: true))
          != nil
      {
        (staging, besideTarget) = (beside, true)
      } else {
        let inside = target.appendingPathComponent(".wijk-staging-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        (staging, besideTarget) = (inside, false)
      }
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

  /// Puts the staged files in place: a new target folder is the staging folder renamed; an
  /// existing one is swapped with it after the user's files are carried over.
  /// - Returns: the final paths, in the order they were staged.
  @discardableResult
  public func commit() throws(OutputError) -> [String] {
    let finals = written.map { target.appendingPathComponent($0).path }
    if besideTarget {
      if !FileManager.default.fileExists(atPath: target.path) {
        guard rename(staging.path, target.path) != 0 else { return finals }
      } else {
        try FolderSwap.carry(from: target, to: staging, except: Set(written))
        if FolderSwap.exchange(staging.path, target.path) {
          try? FileManager.default.removeItem(at: staging)  // the previous outputs
          return finals
        }
      }
    }
    try moveOneByOne()
    try? FileManager.default.removeItem(at: staging)
    return finals
  }

  /// Removes the staging folder and everything in it; the target is untouched.
  public func discard() {
    try? FileManager.default.removeItem(at: staging)
  }

  /// Renames every staged file over its target, one by one.
  private func moveOneByOne() throws(OutputError) {
    for relative in written {
      let from = staging.appendingPathComponent(relative)
      let to = target.appendingPathComponent(relative)
      do {
        try FileManager.default.createDirectory(
          at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
      } catch {
        throw .cannotCreate(path: to.path, reason: error.localizedDescription)
      }
      if rename(from.path, to.path) != 0 {
        throw .cannotCreate(path: to.path, reason: String(cString: strerror(errno)))
      }
    }
  }

  /// Whether the working directory is `folder` or below it (`--out .`): such a folder is
  /// never swapped away under the user's feet.
  static func holdsWorkingDirectory(_ folder: URL) -> Bool {
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      .resolvingSymlinksInPath().path
    return here == folder.path || here.hasPrefix(folder.path + "/")
  }

  /// ".out.wijk-staging-" for the target folder `out`.
  static func stagingPrefix(_ target: URL) -> String {
    ".\(target.lastPathComponent).wijk-staging-"
  }

  /// Removes the folders in `folder` named `prefix<pid>…` whose process no longer runs.
  static func removeLeftovers(in folder: URL, prefix: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      return
    }
    for name in names where name.hasPrefix(prefix) {
      let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
      guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else {
        continue
      }
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
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
