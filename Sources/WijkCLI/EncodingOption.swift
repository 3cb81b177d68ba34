import ArgumentParser
import WijkIO

/// `--encoding NAME` for commands that read Shapefiles and CSV: overrides a `.cpg` file, the
/// DBF language byte and detection (field case 09).
extension TextEncoding: ExpressibleByArgument {
  public init?(argument: String) { self.init(name: argument) }
  public static var allValueStrings: [String] { ["UTF-8", "Windows-1252", "ISO-8859-1"] }
}

/// `--decimal point|comma`: the number convention of CSV inputs, overriding detection (a
/// `;`-separated file is otherwise read with decimal commas and dot thousands).
extension NumberConvention: ExpressibleByArgument {
  public init?(argument: String) {
    switch argument.lowercased() {
    case "point", "decimal-point", ".": self = .decimalPoint
    case "comma", "decimal-comma", ",": self = .decimalComma
    default: return nil
    }
  }
  public static var allValueStrings: [String] { ["point", "comma"] }
}
