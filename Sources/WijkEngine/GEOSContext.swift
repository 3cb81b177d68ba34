// The protocol for calling GEOS, written down once (as shapely does in `src/geos.h`).
//
// 1. Contexts. Every GEOS call goes through a `GEOSContext` (one `GEOSContextHandle_t`,
//    `GEOS_init_r` ... `GEOS_finish_r`). A context is not thread-safe, so a context and every
//    handle made with it belong to one task. The wrapper classes hold `OpaquePointer`s and
//    are therefore not `Sendable`; Swift 6 refuses to share them across tasks, which is
//    exactly GEOS's rule. Values (`Geometry`, `Coordinate`, `[UInt8]` WKB) cross tasks instead.
// 2. Messages. `GEOSContext_setErrorMessageHandler_r` gets a C callback and, as userdata, an
//    unretained pointer to the context's `MessageBuffer`. The context keeps the buffer alive
//    for as long as the GEOS handle exists. GEOS only reports an error when it caught an
//    exception, and such a call always returns its failure sentinel, so messages never
//    outlive the call that produced them: `failure(_:)` drains the buffer into the thrown
//    `EngineError.geos(function:messages:)`.
// 3. Sentinels. Every call site is: call; `guard` on the sentinel with a comment naming it
//    (NULL for objects, 0 for "int" results, 2 for predicates "char" results); on failure
//    `throw context.failure("GEOSName_r")`.
// 4. Ownership. A handle GEOS gives us ("caller is responsible for freeing") is adopted at
//    once by exactly one Swift object (`GEOSGeometry`, `PreparedGeometry`, `STRtree`, the
//    context's WKB reader and writer), whose `deinit` is the only place it is freed. Buffers
//    and strings GEOS allocates are copied and freed with `GEOSFree_r` in the same function.
//    Every owner holds a strong reference to its context (and a prepared geometry to its
//    base), so `GEOS_finish_r` runs only after the last handle is gone.
// 5. Transfer. Geometries move between wijk values and GEOS as WKB (`WijkCore.WKB`):
//    no pointer crosses the boundary, only bytes.

import CGEOS
import WijkCore

/// A GEOS context handle, with its captured error messages and its WKB reader and writer.
///
/// Make one per task (or per batch of work) and pass it to every ``GEOSGeometry`` made in
/// that task. It is deliberately not `Sendable`: GEOS contexts and the geometries made with
/// them must not be used from two threads at once.
///
/// See `GEOS_init_r`, `GEOSContext_setErrorMessageHandler_r`.
public final class GEOSContext {
  let handle: GEOSContextHandle_t
  private let messages = MessageBuffer()
  private var wkbReader: OpaquePointer?
  private var wkbWriter: OpaquePointer?

  /// Creates a GEOS context whose error messages are captured (never printed).
  public init() {
    // GEOS_init_r allocates and only fails when memory is exhausted; there is no sentinel
    // to recover from in that case.
    handle = GEOS_init_r()
    let userdata = Unmanaged.passUnretained(messages).toOpaque()
    _ = GEOSContext_setErrorMessageHandler_r(handle, captureGEOSMessage, userdata)
  }

  deinit {
    // The only place the reader, writer and context are freed. Geometries hold this context
    // strongly, so none of them is alive any more.
    if let r = wkbReader { GEOSWKBReader_destroy_r(handle, r) }
    if let w = wkbWriter { GEOSWKBWriter_destroy_r(handle, w) }
    GEOS_finish_r(handle)
  }

  /// The error for a failed call of `function`, carrying (and clearing) GEOS's messages.
  func failure(_ function: String) -> EngineError {
    .geos(function: function, messages: messages.drain())
  }

  /// The version of the GEOS library in use (e.g. `3.11.1-CAPI-1.17.1`).
  public static var libraryVersion: String { String(cString: GEOSversion()) }

  /// The context's WKB reader, made on first use.
  func reader() throws(EngineError) -> OpaquePointer {
    if let r = wkbReader { return r }
    // GEOSWKBReader_create_r returns NULL on failure.
    guard let r = GEOSWKBReader_create_r(handle) else {
      throw failure("GEOSWKBReader_create_r")
    }
    wkbReader = r
    return r
  }

  /// The context's WKB writer (2D, little-endian, ISO flavour), made on first use.
  func writer() throws(EngineError) -> OpaquePointer {
    if let w = wkbWriter { return w }
    // GEOSWKBWriter_create_r returns NULL on failure.
    guard let w = GEOSWKBWriter_create_r(handle) else {
      throw failure("GEOSWKBWriter_create_r")
    }
    GEOSWKBWriter_setOutputDimension_r(handle, w, 2)
    GEOSWKBWriter_setByteOrder_r(handle, w, Int32(GEOS_WKB_NDR.rawValue))
    wkbWriter = w
    return w
  }
}

/// The messages GEOS reported since the last drain. A class so that its address can be the
/// C callback's userdata; owned by exactly one `GEOSContext`.
final class MessageBuffer {
  private var pending: [String] = []
  func append(_ message: String) { pending.append(message) }
  func drain() -> [String] {
    defer { pending.removeAll() }
    return pending
  }
}

/// The C error handler: a `@convention(c)` function cannot capture, so the buffer comes in
/// through `userdata` (an unretained `MessageBuffer`, kept alive by its context).
private func captureGEOSMessage(
  _ message: UnsafePointer<CChar>?, _ userdata: UnsafeMutableRawPointer?
) {
  guard let message, let userdata else { return }
  Unmanaged<MessageBuffer>.fromOpaque(userdata).takeUnretainedValue()
    .append(String(cString: message))
}
