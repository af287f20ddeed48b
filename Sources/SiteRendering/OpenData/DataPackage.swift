import Foundation
import Model

/// `data/datapackage.json`: the site tables described as a Frictionless Data Package, a Table Schema for each, so
/// that `frictionless validate` (and any tool that reads data packages) knows their columns and keys.
enum DataPackage {
    /// Column types, by name; every other column is a string.
    static let types: [String: String] = [
        "year": "integer", "base_year": "integer", "target_year": "integer", "latest_year": "integer",
        "value": "number", "high": "number", "base_value": "number", "target_value": "number", "latest_value": "number",
        "time_elapsed": "number", "distance_covered": "number", "growth_ratio": "number", "repost": "boolean",
        "published": "date",
    ]
    static let required: Set<String> = ["plan", "indicator", "year", "value", "name", "status", "task", "department", "role"]
    /// Columns that may be empty in one table though required in the others (a base-period figure's year, the value
    /// of a qualitative target).
    static let optional: [String: Set<String>] = ["achievements.csv": ["year"], "targets.csv": ["value"]]
    static let keys: [String: [String]] = [
        "indicators.csv": ["plan", "indicator"],
        "reported.csv": ["plan", "indicator", "year"],
    ]
    static let descriptions: [String: String] = [
        "plan": "规划的文件夹名（网址中的名称）", "indicator": "指标编号，在一份规划内唯一", "name": "指标名称", "unit": "单位",
        "attribute": "指标属性：预期性或约束性", "direction": "increase（越大越好）或 decrease（越小越好）",
        "kind": "level（水平值）、annual-rate（每年目标）或 cumulative（期内累计）",
        "status": "进度状态（英文键）", "status_label": "进度状态", "method": "评定方法",
        "time_elapsed": "时间进度 E（小数）", "distance_covered": "完成进度 P（小数）", "growth_ratio": "增长比率 R（实际年均增速÷所需年均增速）",
        "publisher": "发布者", "source": "来源页面或文件的标题", "url": "读取数据的网址", "published": "发布日期",
        "repost": "所读页面是否为转载页", "note": "说明（口径、初步数、修订、换算）", "comparator": "规划原文的限定词（单个词；目标以 words 给出时为空）",
        "words": "目标的原文表述，“…”处为数字及单位（如“力争达到…以上”）",
        "bound": "目标的界限：reach（达到）、at-least（以上、不低于）、more-than（超过、突破）、about（左右）、at-most（以内、不超过）、range（区间，value 至 high）",
        "high": "区间目标的上端（如“10—15家”的15）；其他目标为空",
        "modality": "目标的语气：firm（确定）、strive（力争）、seek（争取）、ensure（确保）",
        "measure": "目标衡量的内容：level（水平值）、annual-rate（每年）、total（期内累计）、rank（位次，越小越靠前）、multiple（基期的倍数）、growth（年均增速，%）、change（相对基期的变化）、qualitative（定性目标，无数值）",
        "quote": "规划原文", "task": "任务锚点", "title": "任务名称", "role": "lead（牵头单位）、responsible（责任单位）或 cooperating（配合单位）",
        "department": "单位名称", "region": "单位所属地区", "as_written": "原文中的数字及其限定词",
    ]

    static func descriptor(_ site: Site) -> JSONValue {
        let resources = OpenData.siteTables.map { table -> JSONValue in
            let fields = table.header.map { name -> JSONValue in
                var field: [(String, JSONValue)] = [("name", .string(name)), ("type", .string(types[name] ?? "string"))]
                if types[name] == "boolean" {
                    field.append(("trueValues", .array([.string("true")])))
                    field.append(("falseValues", .array([.string("false")])))
                }
                if let description = descriptions[name] { field.append(("description", .string(description))) }
                if required.contains(name), !(optional[table.file]?.contains(name) ?? false) { field.append(("constraints", .object([("required", .bool(true))]))) }
                return .object(field)
            }
            var schema: [(String, JSONValue)] = [("fields", .array(fields)), ("missingValues", .array([.string("")]))]
            if let key = keys[table.file] { schema.append(("primaryKey", .array(key.map { .string($0) }))) }
            return .object([
                ("name", .string(String(table.file.dropLast(4)))), ("path", .string(table.file)), ("title", .string(table.title)),
                ("profile", .string("tabular-data-resource")), ("format", .string("csv")), ("mediatype", .string("text/csv")),
                ("encoding", .string("utf-8-sig")), ("schema", .object(schema)),
            ])
        }
        var package: [(String, JSONValue)] = [
            ("name", .string("bulletin")), ("title", .string(site.config.title)), ("description", .string(site.config.description)),
            ("profile", .string("tabular-data-package")),
        ]
        if let url = site.config.url { package.append(("homepage", .string(url))) }
        package.append(("resources", .array(resources)))
        return .object(package)
    }
}
