import ContentLoading
import Foundation

/// Writes an imported plan as `<content>/plans/<slug>/`, all at once: the files go to a hidden folder beside it
/// (which the build ignores) and the folder is renamed into place, so a failed or killed import leaves nothing
/// half-written. An existing plan is replaced only when asked.
public enum ImportWriter {
    /// A name the loader takes for a plan's folder (`isURLSafeName`), kept short and not ending in a hyphen.
    public static func isSlug(_ slug: String) -> Bool {
        isURLSafeName(slug) && slug.count <= 80 && !slug.hasSuffix("-")
    }

    @discardableResult
    public static func write(_ plan: ImportedPlan, slug: String, content: URL, force: Bool) throws -> URL {
        guard isSlug(slug) else {
            throw ImportFailure("`\(slug)` cannot be a plan's folder name: use lower-case letters, digits and hyphens, e.g. cq-tech-2024")
        }
        let fm = FileManager.default
        let plans = content.appendingPathComponent("plans", isDirectory: true)
        let target = plans.appendingPathComponent(slug, isDirectory: true)
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists, !force {
            throw ImportFailure("\(target.path) already exists; choose another --slug, or give --force to replace it")
        }
        try fm.createDirectory(at: plans, withIntermediateDirectories: true)
        let pid = ProcessInfo.processInfo.processIdentifier
        // Hidden folders from an import that was killed are removed first.
        for name in (try? fm.contentsOfDirectory(atPath: plans.path)) ?? [] where name.hasPrefix(".import-") || name.hasPrefix(".replaced-") {
            try? fm.removeItem(at: plans.appendingPathComponent(name))
        }
        let staging = plans.appendingPathComponent(".import-\(slug)-\(pid)", isDirectory: true)
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            for file in plan.files {
                try Data(file.contents.utf8).write(to: staging.appendingPathComponent(file.name), options: .atomic)
            }
            if exists {
                let old = plans.appendingPathComponent(".replaced-\(slug)-\(pid)", isDirectory: true)
                try fm.moveItem(at: target, to: old)
                try fm.moveItem(at: staging, to: target)
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: staging, to: target)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw ImportFailure("\(target.path): cannot be written (\(error.localizedDescription)); nothing was changed")
        }
        return target
    }
}
