import ArgumentParser
import WijkIO

/// `--encoding NAME` for commands that read Shapefiles and CSV: overrides a `.cpg` file, the
/// DBF language byte and detection (field case 09).
extension TextEncoding: ExpressibleByArgument {
  public init?(argument: String) { self.init(name: argument) }
  public static var allValueStrings: [String] { ["UTF-8", "Windows-1252", "ISO-8859-1"] }
}
