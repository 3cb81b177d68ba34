import CGDAL

/// Versions of the C libraries WijkIO links, for provenance.
public enum LibraryVersions {
  /// GDAL's release name, e.g. `3.6.2` (`GDALVersionInfo("RELEASE_NAME")`).
  public static var gdal: String { String(cString: GDALVersionInfo("RELEASE_NAME")) }
}
