import Foundation

/// Writes a file through a temporary file beside it and a rename, so that a failed run
/// never leaves a half-written file and never clobbers the previous version (POSIX `rename`
/// replaces the target atomically on the same file system).
enum AtomicFile {
  /// Calls `write` with a fresh temporary path in the target's directory (same extension,
  /// so drivers that look at it are satisfied), then renames it over `path`. On any error
  /// the temporary file is removed and `path` is untouched.
  /// - Throws: whatever `write` throws, or ``IOError/writeFailed(path:message:)``.
  static func write(to path: String, _ write: (String) throws(IOError) -> Void) throws(IOError) {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: directory) else {
      throw .writeFailed(path: path, message: "the folder \(directory) does not exist")
    }
    let ext = url.pathExtension
    let temporary =
      directory + "/." + url.deletingPathExtension().lastPathComponent + ".partial-"
      + UUID().uuidString + (ext.isEmpty ? "" : "." + ext)
    do {
      try write(temporary)
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw error
    }
    guard rename(temporary, path) == 0 else {
      let message = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporary)
      throw .writeFailed(path: path, message: message)
    }
  }

  /// Writes `bytes` atomically to `path`.
  /// - Throws: ``IOError/writeFailed(path:message:)``.
  static func write(_ bytes: [UInt8], to path: String) throws(IOError) {
    try write(to: path) { (temporary: String) throws(IOError) in
      guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
        throw .writeFailed(path: path, message: "cannot create \(temporary)")
      }
    }
  }
}
