import Foundation

/// Replaces a folder by another in one step, so that a run killed at any moment leaves
/// either all of the previous outputs or all of the new ones, never a mixture.
///
/// Linux's `renameat2(RENAME_EXCHANGE)` swaps two paths atomically (ext4, xfs, btrfs, tmpfs;
/// Linux 3.15+, glibc 2.28+). Swift's Glibc module does not declare it, so it is looked up
/// by name; where it is missing or the file system refuses it, ``exchange(_:_:)`` returns
/// false and the caller falls back to renaming file by file.
enum FolderSwap {
  private typealias RenameAt2 = @convention(c) (
    Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
  ) -> Int32

  /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
  private static let renameExchange: UInt32 = 2

  private static let renameat2: RenameAt2? = {
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
    return unsafeBitCast(symbol, to: RenameAt2.self)
  }()

  /// Swaps the folders at `a` and `b` atomically; false when this system cannot.
  static func exchange(_ a: String, _ b: String) -> Bool {
    guard let renameat2 else { return false }
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
  }

  /// Puts into `staging` a hard link (a copy where links fail) of every file under `target`
  /// that the run did not write, so that the swap keeps the user's own files (notes, QGIS
  /// projects) in the folder, unchanged.
  ///
  /// - Throws: ``OutputError/cannotCreate(path:reason:)`` when a file cannot be carried.
  static func carry(from target: URL, to staging: URL, except written: Set<String>)
    throws(OutputError)
  {
    for relative in filesBelow(target) where !written.contains(relative) {
      let from = target.appendingPathComponent(relative)
      let to = staging.appendingPathComponent(relative)
      do {
        try FileManager.default.createDirectory(
          at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        if link(from.path, to.path) != 0 {
          try FileManager.default.copyItem(at: from, to: to)
        }
      } catch {
        throw .cannotCreate(path: to.path, reason: "cannot keep \(from.path): \(error)")
      }
    }
  }

  /// The paths, relative to `folder`, of every file and symbolic link below it (empty
  /// folders are not carried).
  static func filesBelow(_ folder: URL) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var files: [String] = []
    while let relative = walker.nextObject() as? String {
      if walker.fileAttributes?[.type] as? FileAttributeType != .typeDirectory {
        files.append(relative)
      }
    }
    return files
  }
}
