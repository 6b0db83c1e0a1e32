#![cfg(not(target_arch = "wasm32"))]
//! End to end, a claim's status reads without colour: the verified and unverified highlights
//! differ in lightness (WCAG contrast between their backgrounds, computed from the page's CSS),
//! in line style (solid against dashed) and in icon, and text stays readable on both. A
//! screenshot as a person with deuteranopia sees the page goes to target/screenshots/.

use claimcheck_e2e_support::app::DENIAL;
use claimcheck_e2e_support::Browser;

const EMAILS: &str = "The Ledger has not independently verified those emails.";

/// An sRGB colour as `getComputedStyle` writes it: `rgb(r, g, b)` or `rgba(r, g, b, a)`.
fn parse_rgb(css: &str) -> [f64; 3] {
    let inner = css
        .trim()
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')');
    let parts: Vec<f64> = inner
        .split(',')
        .map(|p| {
            p.trim()
                .parse()
                .unwrap_or_else(|_| panic!("not a colour: {css}"))
        })
        .collect();
    assert!(
        parts.len() == 3 || parts[3] == 1.0,
        "a see-through colour: {css}"
    );
    [parts[0], parts[1], parts[2]]
}

/// WCAG 2 relative luminance.
fn luminance(rgb: [f64; 3]) -> f64 {
    let lin = |c: f64| {
        let c = c / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])
}

/// WCAG 2 contrast ratio between two colours.
fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn the_contrast_formula_matches_wcag() {
    assert!((contrast([0.0; 3], [255.0; 3]) - 21.0).abs() < 1e-9);
    assert!((contrast([255.0; 3], [255.0; 3]) - 1.0).abs() < 1e-9);
    // #767676 on white is the well-known 4.54:1.
    let grey = contrast([118.0; 3], [255.0; 3]);
    assert!((grey - 4.54).abs() < 0.01, "{grey}");
    assert_eq!(parse_rgb("rgb(116, 201, 140)"), [116.0, 201.0, 140.0]);
}

/// What one status's highlight looks like: background, text colour, line style, icon.
async fn look(b: &Browser, class: &str) -> ([f64; 3], [f64; 3], String, String) {
    let v = b
        .script(
            "const m = document.querySelector('mark.' + arguments[0] + '[data-end]');
             const s = getComputedStyle(m);
             return [s.backgroundColor, s.color, s.borderBottomStyle, getComputedStyle(m, '::after').content];",
            vec![class.into()],
        )
        .await;
    let text = |i: usize| v[i].as_str().unwrap().to_string();
    (parse_rgb(&text(0)), parse_rgb(&text(1)), text(2), text(3))
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn verified_and_unverified_differ_in_lightness_line_and_icon() {
    let b = Browser::open().await;
    b.add_claim(DENIAL).await;
    b.mark_verified().await;
    b.add_claim(EMAILS).await;
    b.wait_for("mark.claim-verified[data-end]").await;
    b.wait_for("mark.claim-unverified[data-end]").await;
    // Nothing selected, so both show as they read.
    b.script("document.activeElement.blur();", vec![]).await;
    b.click("#article-title").await;

    let (v_bg, v_text, v_line, v_icon) = look(&b, "claim-verified").await;
    let (u_bg, u_text, u_line, u_icon) = look(&b, "claim-unverified").await;
    let between = contrast(v_bg, u_bg);
    let on_verified = contrast(v_text, v_bg);
    let on_unverified = contrast(u_text, u_bg);
    println!(
        "highlight backgrounds {between:.2}:1 apart; text {on_verified:.2}:1 on verified, {on_unverified:.2}:1 on unverified"
    );
    assert!(
        between >= 1.5,
        "the backgrounds are only {between:.2}:1 apart"
    );
    assert!(on_verified >= 4.5, "{on_verified:.2}");
    assert!(on_unverified >= 4.5, "{on_unverified:.2}");
    assert_ne!(v_line, u_line, "both highlights are underlined {v_line}");
    assert_eq!((v_line.as_str(), u_line.as_str()), ("solid", "dashed"));
    assert_ne!(v_icon, u_icon);

    // The page as seen with deuteranopia, for a person to look at.
    b.find("mark.claim-verified").await;
    b.script(
        "document.querySelector('mark.claim-verified').scrollIntoView({block: 'center'});",
        vec![],
    )
    .await;
    b.simulate_vision("deuteranopia").await;
    let shot = b.save_screenshot("status-deuteranopia").await;
    b.simulate_vision("achromatopsia").await;
    let grey = b.save_screenshot("status-greyscale").await;
    b.simulate_vision("none").await;
    println!("screenshots: {} and {}", shot.display(), grey.display());
    assert!(std::fs::metadata(&shot).unwrap().len() > 1000);
    b.close().await;
}
