/// The chart styles. Pages carry them in their stylesheet; a standalone SVG file carries them inside itself.
/// Colours are custom properties, with dark-mode, forced-colours and print rules, and every mark that matters
/// has a second channel besides colour (a label, a dash pattern or a hatch). Text has a halo of the chart's
/// background, so that a label over a line or a grid stays legible.
public enum ChartStyle {
    public static let css = """
    .chart { --chart-text: #1b1b1b; --chart-muted: #5a5f66; --chart-grid: #d8dce2; --chart-axis: #767676;
      --chart-base: #767676; --chart-main: #0072B2; --chart-target: #D55E00; --chart-bg: #ffffff;
      font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
        "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
      font-variant-numeric: tabular-nums; }
    @media (prefers-color-scheme: dark) {
      .chart { --chart-text: #e6e6e6; --chart-muted: #a9b0b8; --chart-grid: #3a3f46; --chart-axis: #8b9097;
        --chart-base: #9a9a9a; --chart-main: #56B4E9; --chart-target: #E69F00; --chart-bg: #121212; }
    }
    .chart text { fill: var(--chart-text); paint-order: stroke; stroke: var(--chart-bg); stroke-width: 3px; stroke-linejoin: round; }
    .chart .c-muted { fill: var(--chart-muted); }
    .chart .c-strong { font-weight: 700; }
    .chart .c-grid { stroke: var(--chart-grid); stroke-width: 1; }
    .chart .c-axis { stroke: var(--chart-axis); stroke-width: 1; }
    .chart .c-bar-base { fill: var(--chart-base); }
    .chart .c-bar-main { fill: var(--chart-main); }
    .chart .c-bar-target { stroke: var(--chart-target); stroke-width: 1.5; }
    .chart .c-hatch-line { stroke: var(--chart-target); stroke-width: 1.5; }
    .chart .c-target-line { stroke: var(--chart-target); stroke-width: 2; stroke-dasharray: 5 3; }
    .chart .c-target-mark { fill: var(--chart-target); stroke: var(--chart-bg); stroke-width: 1.5; }
    .chart .c-line-main { fill: none; stroke: var(--chart-main); stroke-width: 2.5; }
    .chart .c-line-path { fill: none; stroke: var(--chart-target); stroke-width: 2; stroke-dasharray: 6 4; }
    .chart .c-point-main { fill: var(--chart-main); stroke: var(--chart-bg); stroke-width: 1.5; }
    .chart .c-point-base { fill: var(--chart-bg); stroke: var(--chart-base); stroke-width: 2.5; }
    .chart .c-dot { fill: var(--chart-main); stroke: var(--chart-bg); stroke-width: 1.5; }
    .chart .c-elapsed { stroke: var(--chart-text); stroke-width: 2; }
    @media (forced-colors: active) {
      .chart text, .chart .c-muted { fill: CanvasText; }
      .chart text { stroke: Canvas; }
      .chart .c-grid { stroke: GrayText; }
      .chart .c-axis, .chart .c-elapsed, .chart .c-target-line, .chart .c-line-path, .chart .c-hatch-line { stroke: CanvasText; }
      .chart .c-bar-base { fill: GrayText; }
      .chart .c-bar-main, .chart .c-point-main, .chart .c-dot { fill: Highlight; stroke: Canvas; }
      .chart .c-line-main { stroke: Highlight; }
      .chart .c-bar-target { stroke: CanvasText; }
      .chart .c-target-mark { fill: CanvasText; stroke: Canvas; }
      .chart .c-point-base { fill: Canvas; stroke: CanvasText; }
    }
    @media print {
      .chart { --chart-text: #000; --chart-muted: #333; --chart-grid: #bbb; --chart-bg: #fff; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    }
    """
}
