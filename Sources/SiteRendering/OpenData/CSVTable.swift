/// A CSV file as a spreadsheet opens it well: UTF-8 with a byte order mark (Excel reads Chinese correctly only with
/// one), CRLF line ends, cells quoted when they hold a comma, a quote or a line break (RFC 4180).
struct CSVTable: Sendable {
    var header: [String]
    var rows: [[String]] = []

    init(header: [String]) {
        self.header = header
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a CSV row has as many cells as the header")
        rows.append(row)
    }

    var bytes: [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(rows.count * header.count * 12)
        for row in [header] + rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { out.append(0x2C) }
                Self.write(cell, into: &out)
            }
            out += [0x0D, 0x0A]
        }
        return out
    }

    /// The cell as written: neutralised when a spreadsheet would run it as a formula, quoted when it must be.
    static func cell(_ text: String) -> String {
        var out: [UInt8] = []
        write(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// By bytes: the downloads of a large site hold millions of cells.
    static func write(_ text: String, into out: inout [UInt8]) {
        let text = neutralised(text)
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { out += text.utf8; return }
        out.append(0x22)
        for byte in text.utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    /// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return runs as a formula in Excel, LibreOffice
    /// and Google Sheets (OWASP's "CSV injection"). Unless it is a plain number, a `'` before it makes it text.
    static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D else { return text }
        if isPlainNumber(text) { return text }
        return "'" + text
    }

    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        guard !scalars.isEmpty else { return false }
        var digits = 0, dots = 0
        for scalar in scalars {
            if ("0"..."9").contains(scalar) { digits += 1 } else if scalar == "." { dots += 1 } else { return false }
        }
        return digits > 0 && dots <= 1 && scalars.first != "." && scalars.last != "."
    }
}
