import ContentLoading
import Foundation

// One plan whose indicators.yaml, goals.md and reported.csv are the three thirds of the fuzzer's bytes, loaded and
// checked as a build would: front matter, YAML (quick parser and Yams), the indicator loader, the reported-figures
// CSV reader, the quote checks. Any answer is fine; a crash or a hang is a finding.
let folder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: url.appendingPathComponent("plans/p"), withIntermediateDirectories: true)
    try? Data("title: t\norganisation: o\ndescription: d\n".utf8).write(to: url.appendingPathComponent("site.yaml"))
    try? Data("title: t\nshort_title: t\ntype: 规划\nregion: r\nissuer: i\nperiod: { start: 2021, end: 2025 }\nsources:\n  - title: s\n".utf8)
        .write(to: url.appendingPathComponent("plans/p/plan.yaml"))
    return url
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Data(bytes: start, count: count)
    let third = count / 3
    try? bytes.prefix(third).write(to: folder.appendingPathComponent("plans/p/indicators.yaml"))
    try? (Data("---\nkind: goals\ntitle: 目标\n".utf8) + bytes.dropFirst(third).prefix(third))
        .write(to: folder.appendingPathComponent("plans/p/goals.md"))
    try? (Data("indicator,year,value,source,publisher,url,published,repost,note\r\n".utf8) + bytes.dropFirst(2 * third))
        .write(to: folder.appendingPathComponent("plans/p/reported.csv"))
    _ = ContentLoader(root: folder).load()
    return 0
}
