import TemplateEngine

// The template parser and renderer: any text is a template or a located failure; a template renders against a
// small context without crashing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    guard let template = try? CompiledTemplate(text) else { return 0 }
    let renderer = TemplateRenderer(templates: ["t": template, "partial": template])
    let values: TemplateObject = ["title": "<标题>", "list": [["name": "a"], ["name": "b"]] as [TemplateObject], "flag": true]
    _ = renderer.render(values, template: "t")
    return 0
}
