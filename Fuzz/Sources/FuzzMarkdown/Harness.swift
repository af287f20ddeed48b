import Markdown

// The Markdown wrapper: cmark-gfm with its extensions, heading anchors, 专栏 boxes, embeds and gaps. The output must
// never hold a raw `<script`: authors' HTML is dropped.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let document = Markdown.render(text) { embed in embed.argument == "main" ? "<table></table>" : nil }
    if document.html.contains("<script") { fatalError("raw script in the output") }
    _ = Markdown.gaps(in: text)
    return 0
}
