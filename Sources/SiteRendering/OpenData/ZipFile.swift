import Foundation
import ZIPFoundation

/// A zip of the data files, made with ZIPFoundation in memory. Every entry carries the same fixed date, so the same
/// files give the same zip bytes on every build (a date from the clock would change it each time).
enum ZipFile {
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the first date a zip can hold

    static func make(_ entries: [(path: String, bytes: [UInt8])]) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for entry in entries {
                let data = Data(entry.bytes)
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                     permissions: 0o644, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            return [UInt8](archive.data ?? Data())
        } catch {
            // In memory, adding an entry fails only when memory does; an empty file is better than a half one.
            return []
        }
    }
}
