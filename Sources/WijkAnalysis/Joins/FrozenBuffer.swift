/// An immutable, heap-allocated copy of an array, read through a raw pointer.
///
/// The point-location loop reads a dozen arrays per point; Swift arrays would pay for bounds
/// checks and reference counting on every access there. The buffer is written once, in the
/// initialiser, and only read afterwards, so sharing it between threads is safe.
final class FrozenBuffer<Element>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Element>
  let count: Int

  init(_ array: [Element]) {
    count = array.count
    pointer = .allocate(capacity: max(count, 1))
    array.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { pointer.initialize(from: base, count: count) }
    }
  }

  deinit {
    pointer.deinitialize(count: count)
    pointer.deallocate()
  }

  @inline(__always) subscript(i: Int) -> Element { pointer[i] }
}
