/// The one stylesheet of reports and site pages, inlined into each page (no file to fetch).
///
/// Colours come from the Okabe-Ito palette (told apart with every common colour-vision
/// deficiency) and every verdict carries its word too, so nothing rests on colour alone; print
/// keeps the borders and drops the shading. The layout is one fluid column up to 80rem with the
/// table of contents beside it on wide screens, stacked below 60rem.
enum ReportStyle {
  static let css = """
    :root{--ink:#1b1b1b;--muted:#555;--line:#c9c9c9;--bg:#fff;--code:#f4f5f7;--ok:#006d4f;--bad:#b3261e;--warn:#8a5a00;--info:#0055a4}
    *{box-sizing:border-box}
    body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--bg);margin:0}
    .page{max-width:80rem;margin:0 auto;padding:1rem 1.25rem;display:grid;grid-template-columns:minmax(0,1fr);gap:0 2rem}
    @media (min-width:60rem){.page.with-toc{grid-template-columns:14rem minmax(0,1fr)}.toc{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto}}
    main{min-width:0}
    a{color:var(--info)}a:focus-visible,summary:focus-visible{outline:3px solid #e69f00;outline-offset:2px}
    h1{font-size:1.7rem;line-height:1.2}h2{margin-top:2rem;border-bottom:1px solid var(--line)}
    pre,code{font:13px/1.45 ui-monospace,"DejaVu Sans Mono",monospace}
    pre{background:var(--code);padding:.6rem .75rem;white-space:pre-wrap;overflow-wrap:anywhere;border-radius:4px;margin:.4rem 0}
    pre.out{background:var(--bg);border:1px solid var(--line);border-left:4px solid var(--muted);max-height:32rem;overflow:auto}
    table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}
    td,th{border:1px solid var(--line);padding:.25rem .5rem;font-size:14px;text-align:left;vertical-align:top}
    th{background:var(--code)}
    .meta td:first-child{font-weight:600;white-space:nowrap}
    .muted,.status{color:var(--muted);font-size:14px}
    .badge{display:inline-block;border:2px solid currentColor;border-radius:1rem;padding:0 .5rem;font-size:13px;font-weight:700;white-space:nowrap}
    .supported,.ok{color:var(--ok)}.refuted,.failed,.timed_out,.compile_error,.invalid{color:var(--bad)}
    .inconclusive,.unchecked,.skipped{color:var(--warn)}.not_applicable{color:var(--muted)}
    .claim{border:1px solid var(--line);border-left:6px solid currentColor;border-radius:4px;padding:.5rem 1rem;margin:1rem 0}
    .claim>*{color:var(--ink)}.claim .says{font-size:1.05rem;margin:.25rem 0}
    .claim ul{margin:.25rem 0;padding-left:1.25rem;font-size:14px}
    .seeds>details{border:1px solid var(--line);border-radius:4px;margin:.35rem 0;padding:0 .6rem}
    summary{cursor:pointer;padding:.25rem 0;font-size:14px}
    .flag{background:#fff3cd;border:1px dashed var(--warn)}
    figure{margin:.5rem 0}figure img,figure svg{max-width:100%;height:auto;border:1px solid var(--line)}
    figcaption{font-size:13px;color:var(--muted)}
    .toc ol{padding-left:1.1rem;font-size:14px}.toc li{margin:.15rem 0}
    .claimref{font-size:12px;margin-left:.2rem}
    @media print{.toc{display:none}.page{display:block}details{display:block}pre.out{max-height:none}th,pre{background:none}a{color:var(--ink)}}
    """
}
