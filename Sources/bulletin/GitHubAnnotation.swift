import Diagnostics

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, escaped as the runner
/// expects (%, CR and LF in messages; also : and , in properties).
enum GitHubAnnotation {
    static func line(for diagnostic: Diagnostic) -> String {
        let kind = diagnostic.severity == .error ? "error" : "warning"
        let location = diagnostic.location
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += "\nhint: " + hint }
        return "::\(kind) file=\(property(location.file)),line=\(location.line),col=\(location.column),title=\(property("bulletin \(kind)"))::\(data(message))"
    }

    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
