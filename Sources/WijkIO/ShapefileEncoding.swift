import Foundation

/// Decides the text encoding of a Shapefile's DBF, in the order the format's users expect:
/// a user's choice, else the `.cpg` side file, else the DBF header's language-driver byte,
/// else strict UTF-8 if every text is valid UTF-8, else Windows-1252 with a warning.
///
/// Matches the precedence of GDAL's Shapefile driver (`.cpg` before the LDID byte, see the
/// driver's `ENCODING` open option), but with the user's choice first (Fiona#512) and a
/// reported guess instead of silent mojibake (case 09).
enum ShapefileEncoding {
  /// What the files declare, before looking at the text.
  struct Declaration {
    var encoding: TextEncoding?
    var source: EncodingSource?
    /// A declared code page wijk cannot decode (its name), if any.
    var unsupported: String?
  }

  /// Reads the `.cpg` file, then byte 29 of the `.dbf`, beside `shapefile` (any of its
  /// `.shp`/`.dbf` paths).
  static func declaration(for shapefile: String) -> Declaration {
    let base = (shapefile as NSString).deletingPathExtension
    if let cpg = sideFile(base, "cpg"), let data = FileManager.default.contents(atPath: cpg) {
      let name = String(decoding: data, as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      if let e = TextEncoding(name: name) { return Declaration(encoding: e, source: .cpgFile) }
      return Declaration(unsupported: "\(name) (from \((cpg as NSString).lastPathComponent))")
    }
    guard let dbf = sideFile(base, "dbf"), let handle = FileHandle(forReadingAtPath: dbf),
      let header = try? handle.read(upToCount: 32), header.count == 32
    else { return Declaration() }
    try? handle.close()
    return languageDriver(header[header.startIndex + 29])
  }

  /// The encoding a DBF language-driver id (LDID) stands for. 0 means "not stated". The ids
  /// for Windows-1252 (0x03 Windows ANSI, 0x57 ANSI, 0x58 and 0x59 Western European ANSI)
  /// come from ESRI's code-page table for DBF files; others are reported as unsupported.
  static func languageDriver(_ byte: UInt8) -> Declaration {
    switch byte {
    case 0: return Declaration()
    case 0x03, 0x57, 0x58, 0x59:
      return Declaration(encoding: .windows1252, source: .dbfLanguageDriver)
    default:
      return Declaration(unsupported: "DBF language driver 0x" + String(byte, radix: 16))
    }
  }

  /// The encoding to decode `texts` with.
  /// - Throws: ``IOError/unsupportedEncoding(path:name:)`` when the file declares a code page
  ///   wijk cannot decode and some text is not plain ASCII (ASCII reads the same in all).
  static func resolve(
    path: String, user: TextEncoding?, declaration: Declaration, texts: [[UInt8]]
  ) throws(IOError) -> (TextEncoding, EncodingSource, [ReadWarning]) {
    if let user { return (user, .user, []) }
    if let e = declaration.encoding, let s = declaration.source { return (e, s, []) }
    let ascii = texts.allSatisfy { $0.allSatisfy { $0 < 0x80 } }
    if let name = declaration.unsupported, !ascii {
      throw .unsupportedEncoding(path: path, name: name)
    }
    if texts.allSatisfy({ TextEncoding.utf8.decode($0) != nil }) {
      return (.utf8, .validUTF8, [])
    }
    return (.windows1252, .fallback, [.encodingGuessed(path: path, assumed: .windows1252)])
  }

  /// The `.ext` side file of a Shapefile path (`.shp` or `.dbf`), if it exists.
  static func sideFile(of shapefile: String, _ ext: String) -> String? {
    sideFile((shapefile as NSString).deletingPathExtension, ext)
  }

  /// `base.ext` or `base.EXT`, whichever exists.
  private static func sideFile(_ base: String, _ ext: String) -> String? {
    [ext, ext.uppercased()].map { base + "." + $0 }
      .first { FileManager.default.fileExists(atPath: $0) }
  }
}
