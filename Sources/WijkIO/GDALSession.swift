import CGDAL

// The one protocol for calling GDAL/OGR from WijkIO, written down once:
// 1. `GDALSession.begin()` registers the drivers (once per process), silences GDAL's stderr
//    printer and clears the thread-local error state before a read or write.
// 2. Each call site calls GDAL, checks the sentinel the C API documents (NULL handle,
//    `OGRERR_NONE`, `CE_None`) with a comment, and on failure throws an `IOError` carrying
//    `GDALSession.lastErrorMessage()`, GDAL's own text.
// 3. Ownership: datasets (`GDALClose`), features (`OGR_F_Destroy`), spatial references
//    (`OSRRelease`) and option lists (`CSLDestroy`) are owned and freed in exactly one place,
//    the `deinit` of their wrapper; layers, layer definitions, field definitions and a
//    feature's geometry are borrowed from their parent, which must outlive them.

/// Process-wide GDAL set-up and error plumbing.
enum GDALSession {
  /// Registers every driver and installs the quiet error handler, exactly once per process.
  /// A `static let` is initialised lazily and thread-safely by the Swift runtime.
  private static let registered: Void = {
    GDALAllRegister()
    // GDAL prints errors to stderr by default; the quiet handler keeps the message in the
    // thread-local last-error slot so that it can be put into a thrown error instead.
    CPLSetErrorHandler(CPLQuietErrorHandler)
  }()

  /// Ensures drivers are registered and clears this thread's last GDAL error.
  static func begin() {
    _ = registered
    CPLErrorReset()
  }

  /// GDAL's last error message on this thread, or a fallback when GDAL gave none.
  static func lastErrorMessage() -> String {
    let message = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
    CPLErrorReset()
    return message.isEmpty ? "GDAL gave no further detail" : message
  }

  /// The flags for opening a vector file read-only, with GDAL's message for a missing file
  /// (without `GDAL_OF_VERBOSE_ERROR`, `GDALOpenEx` fails silently).
  static let readFlags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
}

/// An owned GDAL string list (`char **`), as the `papszOptions` arguments take it.
final class CStringList {
  private(set) var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

  /// - Parameter pairs: `NAME=VALUE` options, in order; an empty value is kept (`NAME=`).
  init(_ pairs: [(String, String)]) {
    for (name, value) in pairs { pointer = CSLSetNameValue(pointer, name, value) }
  }

  /// - Parameter strings: plain entries (a driver list); none gives a NULL list.
  init(strings: [String]) {
    for s in strings { pointer = CSLAddString(pointer, s) }
  }

  deinit { CSLDestroy(pointer) }

  /// The list as the `const char *const *` that GDAL's option parameters take.
  var constPointer: UnsafePointer<UnsafePointer<CChar>?>? {
    pointer.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
  }
}

/// An owned GDAL dataset; closed (and, when written, flushed) in `deinit` or by `close()`.
final class GDALDatasetHandle {
  private(set) var handle: GDALDatasetH?

  init(_ handle: GDALDatasetH) { self.handle = handle }

  /// Closes the dataset now (flushing writes); later calls do nothing.
  func close() {
    if let h = handle { GDALClose(h) }
    handle = nil
  }

  deinit { close() }

  /// The short name of the driver that opened it (`GPKG`, `GeoJSON`, `ESRI Shapefile`).
  var driverName: String {
    guard let h = handle, let d = GDALGetDatasetDriver(h), let n = GDALGetDriverShortName(d)
    else { return "" }
    return String(cString: n)
  }

  /// The borrowed layer handles, in the order the file registers them.
  var layers: [OGRLayerH] {
    guard let h = handle else { return [] }
    return (0..<GDALDatasetGetLayerCount(h)).compactMap { GDALDatasetGetLayer(h, $0) }
  }
}

/// An owned OGR feature, destroyed in `deinit` (`OGR_L_GetNextFeature` and `OGR_F_Create`
/// hand ownership to the caller).
final class OGRFeatureHandle {
  let handle: OGRFeatureH
  init(_ handle: OGRFeatureH) { self.handle = handle }
  deinit { OGR_F_Destroy(handle) }
}
