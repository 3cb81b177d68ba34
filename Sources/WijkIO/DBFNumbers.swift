import Foundation

/// Finds numeric DBF cells whose text is not a number.
///
/// GDAL's Shapefile driver reads a numeric cell with `atof`/`atoi`, so `abc` becomes 0 and
/// `12,5` becomes 12, with only a warning on stderr. Blank and `*`-filled cells are already
/// null in OGR. This scan reads the DBF (dBASE III layout: 32-byte header, 32-byte field
/// descriptors ended by 0x0D, fixed-width records each led by a deletion flag) and reports
/// every `N`/`F` cell that is not blank, not `*`-filled and not a complete decimal number
/// (text after a NUL byte is not part of the cell, as for GDAL),
/// so that the reader turns it into a missing value instead of a wrong number.
enum DBFNumbers {
  /// Unreadable numeric cells: record number (0-based, which is OGR's FID for a Shapefile)
  /// → field index → the cell's text (trimmed). Empty when the file cannot be read or its
  /// header is inconsistent (a zero record length); only the records the file holds and the
  /// fields that lie within a record are scanned.
  static func unreadable(in dbfPath: String) -> [Int64: [Int: String]] {
    guard let data = FileManager.default.contents(atPath: dbfPath) else { return [:] }
    return unreadable(bytes: [UInt8](data))
  }

  /// The same scan over the bytes of a DBF file (the fuzz target's entry, Fuzz/DBFNumbers).
  static func unreadable(bytes: [UInt8]) -> [Int64: [Int: String]] {
    guard bytes.count >= 32 else { return [:] }
    let headerLength = Int(le16(bytes, 8))
    let recordLength = Int(le16(bytes, 10))
    // A record holds at least its deletion flag: a zero length would make the header's count
    // (up to 4 billion) of records fit in any file (found by Fuzz/DBFNumbers, a hang).
    guard recordLength > 0, headerLength <= bytes.count else { return [:] }
    let records = min(Int(le32(bytes, 4)), (bytes.count - headerLength) / recordLength)
    let fields = descriptors(bytes, headerLength: headerLength)
    var result: [Int64: [Int: String]] = [:]
    for r in 0..<records {
      let start = headerLength + r * recordLength
      // A field reaching past its record would read the next record or past the file's end
      // (found by Fuzz/DBFNumbers); such a field is not scanned.
      for (i, field) in fields.enumerated()
      where field.numeric && field.offset + field.width <= recordLength {
        let text = cellText(bytes[(start + field.offset)..<(start + field.offset + field.width)])
        if !text.isEmpty, !text.hasPrefix("*"), !isNumber(text) {
          result[Int64(r), default: [:]][i] = text
        }
      }
    }
    return result
  }

  /// Field layout: offset within the record (after the deletion flag), width, and whether
  /// the type is numeric (`N` or `F`).
  private static func descriptors(_ bytes: [UInt8], headerLength: Int)
    -> [(offset: Int, width: Int, numeric: Bool)]
  {
    var fields: [(offset: Int, width: Int, numeric: Bool)] = []
    var offset = 1
    var at = 32
    while at + 32 <= min(headerLength, bytes.count), bytes[at] != 0x0D {
      let width = Int(bytes[at + 16])
      fields.append(
        (offset, width, bytes[at + 11] == UInt8(ascii: "N") || bytes[at + 11] == UInt8(ascii: "F")))
      offset += width
      at += 32
    }
    return fields
  }

  /// The cell's text up to its first NUL byte, trimmed. GDAL reads a numeric cell with
  /// `atof`, for which a NUL ends the number: libpysal's `mexicojoin.dbf` stores `9573.00`
  /// followed by NUL padding, and that is 9573.
  static func cellText(_ cell: ArraySlice<UInt8>) -> String {
    let end = cell.firstIndex(of: 0) ?? cell.endIndex
    return String(decoding: cell[cell.startIndex..<end], as: UTF8.self)
      .trimmingCharacters(in: .whitespaces)
  }

  /// A complete decimal number as dBASE writes it: sign, digits, optional point and
  /// fraction, optional exponent.
  private static func isNumber(_ text: String) -> Bool {
    guard text.allSatisfy({ $0.isASCIIDigit || "+-.eE".contains($0) }),
      let value = Double(text)
    else { return false }
    return value.isFinite
  }

  private static func le16(_ b: [UInt8], _ at: Int) -> UInt16 {
    UInt16(b[at]) | UInt16(b[at + 1]) << 8
  }

  private static func le32(_ b: [UInt8], _ at: Int) -> UInt32 {
    (0..<4).reduce(UInt32(0)) { $0 | UInt32(b[at + $1]) << (8 * UInt32($1)) }
  }
}
