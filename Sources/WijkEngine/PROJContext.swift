// The protocol for calling PROJ, the same shape as for GEOS (see `GEOSContext.swift`):
//
// 1. Contexts. One `PROJContext` (`proj_context_create`) per task; PROJ objects made with it
//    are used with it only. Not `Sendable` (it and its objects hold raw pointers and PROJ
//    contexts are not thread-safe), so Swift 6 keeps each in one task.
// 2. Messages. `proj_log_func` gets a C callback and an unretained pointer to the context's
//    `MessageBuffer`; PROJ's log (level "error") is captured, never printed. This is where
//    "Cannot find proj.db" arrives: `proj_context_errno_string` only says "Unknown error".
//    `failure(_:)` drains the log and PROJ's error number into `EngineError.proj`.
// 3. Sentinels. NULL for objects, 0 for "int" results, HUGE_VAL in a transformed coordinate;
//    each commented at its call site.
// 4. Ownership. Every `PJ *` PROJ gives us is adopted at once by one `PROJHandle`, whose
//    `deinit` (`proj_destroy`) is the only place it is freed; strings returned by PROJ are
//    owned by the object and copied. `proj_cleanup` is never called (it is process-global and
//    would pull the database from under other contexts); `proj_context_destroy` runs in the
//    context's `deinit`, after its last object, which holds the context strongly.

import CPROJ
import Foundation
import WijkCore

/// A PROJ threading context with its log captured.
///
/// Not `Sendable`: a PROJ context and the objects made with it belong to one task.
public final class PROJContext {
  let handle: OpaquePointer
  private let messages = MessageBuffer()

  /// Creates a context. `searchPaths`, when given, replaces PROJ's resource search path
  /// (where `proj.db` and grids are looked for); by default PROJ's own lookup is used.
  public init(searchPaths: [String]? = nil) {
    // proj_context_create returns NULL only when out of memory.
    handle = proj_context_create()
    let userdata = Unmanaged.passUnretained(messages).toOpaque()
    proj_log_func(handle, userdata, capturePROJMessage)
    _ = proj_log_level(handle, PJ_LOG_ERROR)
    if let searchPaths {
      var cStrings = searchPaths.map { strdup($0) }
      defer { cStrings.forEach { free($0) } }
      cStrings.withUnsafeMutableBufferPointer { buffer in
        buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { paths in
          proj_context_set_search_paths(handle, Int32(paths.count), paths.baseAddress)
        }
      }
    }
  }

  deinit {
    // The only place the context is freed; every PROJHandle holds it, so none is left.
    proj_context_destroy(handle)
  }

  /// The version of the PROJ library in use (e.g. `9.1.1`).
  public static var libraryVersion: String { String(cString: proj_info().version) }

  /// The error for a failed call of `function`: PROJ's error number and text, then its log.
  /// (PROJ 9.1 has no call to reset a context's error number without an object, so the
  /// number is evidence only; the log is what names the cause.)
  func failure(_ function: String) -> EngineError {
    let code = proj_context_errno(handle)
    var texts: [String] = []
    if code != 0, let s = proj_context_errno_string(handle, code) {
      texts.append(String(cString: s))
    }
    texts += drainLog()
    return .proj(function: function, code: code, messages: texts)
  }

  /// PROJ's log messages since the last drain.
  func drainLog() -> [String] { messages.drain() }
}

/// An owned `PJ *`, freed in `deinit` only.
final class PROJHandle {
  let context: PROJContext
  let pointer: OpaquePointer

  /// Adopts `pointer`, or throws `function`'s failure when PROJ returned NULL.
  init(_ pointer: OpaquePointer?, context: PROJContext, function: String)
    throws(EngineError)
  {
    guard let pointer else { throw context.failure(function) }
    self.pointer = pointer
    self.context = context
  }

  deinit {
    // The single place a PJ is freed.
    proj_destroy(pointer)
  }
}

/// The C log callback; state comes in through `userdata` (an unretained `MessageBuffer`,
/// kept alive by its `PROJContext`).
private func capturePROJMessage(
  _ userdata: UnsafeMutableRawPointer?, _ level: Int32, _ message: UnsafePointer<CChar>?
) {
  guard let message, let userdata else { return }
  Unmanaged<MessageBuffer>.fromOpaque(userdata).takeUnretainedValue()
    .append(String(cString: message))
}
