import Foundation
import Importing

// `bulletin import`'s reading of a text: UTF-8 (or its refusal), repairs, outline, figures, the files it writes.
// The same input must give the same files.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let lines = try? ImportInput.textLines(Data(bytes: start, count: count), path: "fuzz.txt") else { return 0 }
    let a = PlanImporter.run(lines: lines, sourceName: "fuzz.txt")
    let b = PlanImporter.run(lines: lines, sourceName: "fuzz.txt")
    if a.files.map(\.contents) != b.files.map(\.contents) { fatalError("the same text gave two different folders") }
    return 0
}
