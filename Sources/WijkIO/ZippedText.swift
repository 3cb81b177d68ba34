import CGDAL
import Foundation

/// A delimited text file inside a zip archive, as Statbel publishes its open data
/// (`TF_SOC_POP_STRUCT_2024.zip` holding `TF_SOC_POP_STRUCT_2024.txt`): read through GDAL's
/// `/vsizip/` virtual file system, without unpacking, then by ``CSVReader`` as if it were the
/// file itself.
enum ZippedText {
  /// The extensions of the members that are tables.
  static let tableExtensions: Set<String> = ["txt", "csv", "tsv", "tab"]

  /// The bytes of the table member of `archive` and its name for messages
  /// (`archive.zip/member.txt`).
  /// - Parameter member: the member's name (path inside the archive, or its last part);
  ///   `nil` for the only table member.
  /// - Throws: ``IOError/fileNotFound(path:)``, ``IOError/cannotOpen(path:message:)`` (not a
  ///   zip archive, or no member can be read), ``IOError/noSuchLayer(path:layer:available:)``
  ///   (the member is not there, or there are several and none was named).
  static func read(archive: String, member: String?) throws(IOError) -> (
    bytes: [UInt8], name: String
  ) {
    let root = "/vsizip/" + archive
    let members = try Self.members(of: archive)
    let tables = members.filter {
      tableExtensions.contains(($0 as NSString).pathExtension.lowercased())
    }
    let chosen: String
    if let member {
      guard let m = members.first(where: { $0 == member || ($0 as NSString).lastPathComponent == member })
      else { throw .noSuchLayer(path: archive, layer: member, available: members) }
      chosen = m
    } else if tables.count == 1 {
      chosen = tables[0]
    } else {
      throw .noSuchLayer(
        path: archive, layer: tables.isEmpty ? "(a .txt or .csv member)" : "(one member)",
        available: members)
    }
    return (try ingest(root + "/" + chosen, archive: archive), archive + "/" + chosen)
  }

  /// Every file in `archive`, folders left out, in archive order.
  /// - Throws: ``IOError/fileNotFound(path:)``, ``IOError/cannotOpen(path:message:)`` when it
  ///   is no zip archive or an empty one.
  static func members(of archive: String) throws(IOError) -> [String] {
    guard FileManager.default.fileExists(atPath: archive) else {
      throw .fileNotFound(path: archive)
    }
    GDALSession.begin()
    let members = list("/vsizip/" + archive)
    guard !members.isEmpty else {
      throw .cannotOpen(path: archive, message: "not a zip archive, or an empty one")
    }
    return members
  }

  /// Every file under a `/vsizip/` root, folders left out, in archive order.
  private static func list(_ root: String) -> [String] {
    // VSIReadDirRecursive returns an owned list (NULL for none), freed by CSLDestroy.
    guard let names = VSIReadDirRecursive(root) else { return [] }
    defer { CSLDestroy(names) }
    var out: [String] = []
    var i = 0
    while let name = names[i] {
      let s = String(cString: name)
      if !s.hasSuffix("/") { out.append(s) }
      i += 1
    }
    return out
  }

  /// The whole content of a virtual file.
  private static func ingest(_ name: String, archive: String) throws(IOError) -> [UInt8] {
    var buffer: UnsafeMutablePointer<GByte>? = nil
    var size: vsi_l_offset = 0
    // VSIIngestFile returns TRUE on success and hands over a buffer freed with VSIFree.
    guard VSIIngestFile(nil, name, &buffer, &size, -1) != 0, let buffer else {
      throw .cannotOpen(path: archive, message: GDALSession.lastErrorMessage())
    }
    defer { VSIFree(buffer) }
    return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
  }
}
