//! The claim list, in reading order (or by last change). Its claims are drawn in chunks of about
//! 50 (`app::view_model::list_chunks`), and each chunk and each item is its own component, equal
//! on what it shows: typing a note redraws nothing here, a status change one chunk and in it one
//! item. Each chunk is also one box to the browser, skipped while off screen: with 2,000 claims
//! the list is some 40 boxes to lay out and watch, not 2,000. So the list is ARIA's (a `list` of
//! `listitem`s through plain `div` chunks), since an `ol` may hold nothing but its items. When
//! many chunks appear at once, those below the first screenful are drawn over the next few frames.

use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::SharedClaims;

use crate::app::view_model::claim_markup::item_content;
use crate::app::view_model::list_chunks::chunks;
use crate::core::model::Claim;
use crate::web::frames::after_frames;

/// Whether a list item would show `a` and `b` alike.
fn shows_same(a: &Claim, b: &Claim) -> bool {
    a.id == b.id
        && a.status == b.status
        && a.quote.exact == b.quote.exact
        && a.source == b.source
        && a.source_kind == b.source_kind
        && a.label == b.label
        && a.verified_without_evidence() == b.verified_without_evidence()
}

/// Whether `a[i]` and `b[j]` show alike, pair by pair (the same claim, shared, at once).
fn list_same(a: &[Rc<Claim>], ai: &[usize], b: &[Rc<Claim>], bi: &[usize]) -> bool {
    ai.len() == bi.len()
        && ai
            .iter()
            .zip(bi)
            .all(|(&i, &j)| Rc::ptr_eq(&a[i], &b[j]) || shows_same(&a[i], &b[j]))
}

#[derive(Properties)]
pub struct ClaimListProps {
    pub claims: SharedClaims,
    /// Which claims are listed (indices into `claims`), in list order.
    pub shown: Rc<Vec<usize>>,
    pub selected: Option<String>,
    /// Claims of the teacher's answer key: no "no evidence given" warning.
    #[prop_or_default]
    pub key_claims: bool,
    /// Selects the claim with this id (and shows it in the article).
    pub on_select: Callback<String>,
}

impl PartialEq for ClaimListProps {
    fn eq(&self, other: &Self) -> bool {
        self.selected == other.selected
            && self.key_claims == other.key_claims
            && self.on_select == other.on_select
            && ((Rc::ptr_eq(&self.claims, &other.claims) && self.shown == other.shown)
                || list_same(&self.claims, &self.shown, &other.claims, &other.shown))
    }
}

/// When many chunks appear at once (an article opens, a filter is cleared), the chunks at the
/// top are drawn at once until they hold this many claims (more than a screen shows), and the
/// others follow, [`PER_FRAME`] chunks per frame after the first paint: the list is on screen
/// sooner, and the page answers while the rest is drawn.
const AT_ONCE_ITEMS: usize = 24;
const PER_FRAME: usize = 8;

#[function_component(ClaimList)]
pub fn claim_list(props: &ClaimListProps) -> Html {
    let drawn_before = use_mut_ref(HashSet::<String>::new);
    let cut = chunks(&props.claims, &props.shown);
    let fresh: Vec<bool> = {
        let before = drawn_before.borrow();
        cut.iter().map(|(key, _)| !before.contains(key)).collect()
    };
    let many_fresh = fresh.iter().filter(|&&f| f).count() > PER_FRAME;
    *drawn_before.borrow_mut() = cut.iter().map(|(key, _)| key.clone()).collect();
    let (mut waiting, mut above) = (0, 0);
    html! {
        <div class="claim-list" role="list">
            { for cut.into_iter().enumerate().map(|(n, (key, items))| {
                let selected = props.selected.clone().filter(|id| {
                    items.iter().any(|&i| &props.claims[i].id == id)
                });
                let later = many_fresh && fresh[n] && above >= AT_ONCE_ITEMS && selected.is_none();
                above += items.len();
                let wait = later.then(|| {
                    waiting += 1;
                    ((waiting - 1) / PER_FRAME) as u32
                });
                html! {
                    <ClaimChunk key={key} claims={props.claims.clone()} items={items.to_vec()}
                        selected={selected} key_claims={props.key_claims} on_select={props.on_select.clone()}
                        wait={wait} />
                }
            }) }
        </div>
    }
}

#[derive(Properties)]
struct ClaimChunkProps {
    claims: SharedClaims,
    items: Vec<usize>,
    /// The selected claim, only when it is in this chunk.
    selected: Option<String>,
    key_claims: bool,
    on_select: Callback<String>,
    /// Drawn only after this many frames more than the first paint, when it first appears
    /// (`None`: at once). Read on mounting only, so it takes no part in equality.
    wait: Option<u32>,
}

impl PartialEq for ClaimChunkProps {
    fn eq(&self, other: &Self) -> bool {
        self.selected == other.selected
            && self.key_claims == other.key_claims
            && self.on_select == other.on_select
            && list_same(&self.claims, &self.items, &other.claims, &other.items)
    }
}

#[function_component(ClaimChunk)]
fn claim_chunk(props: &ClaimChunkProps) -> Html {
    let node = use_node_ref();
    let drawn = use_state(|| props.wait.is_none());
    use_effect_with((), {
        let (drawn, wait) = (drawn.clone(), props.wait);
        move |_| {
            if let Some(frames) = wait {
                after_frames(frames + 1, move || drawn.set(true));
            }
        }
    });
    // Drawn for its chosen claim, it stays drawn when the choice moves on (where the focus may
    // be, in one of its items).
    use_effect_with(props.selected.is_some(), {
        let drawn = drawn.clone();
        move |&chosen| {
            if chosen && !*drawn {
                drawn.set(true);
            }
        }
    });
    // The height the chunk holds before it is first drawn scales with its items (the styles
    // read it); set through the CSSOM, as the page's CSP allows no style attributes.
    use_effect_with(props.items.len(), {
        let node = node.clone();
        move |items| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.style().set_property("--items", &items.to_string());
            }
        }
    });
    // Until then it holds its place (its height, above), or draws at once should its claim be
    // chosen.
    if !*drawn && props.selected.is_none() {
        return html! { <div class="claim-chunk" data-pending="" ref={node}></div> };
    }
    html! {
        <div class="claim-chunk" ref={node}>{ for props.items.iter().map(|&i| {
            let c = &props.claims[i];
            html! {
                <ClaimItem key={c.id.clone()} claim={c.clone()}
                    selected={props.selected.as_deref() == Some(c.id.as_str())}
                    key_claim={props.key_claims} on_select={props.on_select.clone()} />
            }
        }) }</div>
    }
}

#[derive(Properties)]
struct ClaimItemProps {
    claim: Rc<Claim>,
    selected: bool,
    key_claim: bool,
    on_select: Callback<String>,
}

impl PartialEq for ClaimItemProps {
    fn eq(&self, other: &Self) -> bool {
        self.selected == other.selected
            && self.key_claim == other.key_claim
            && self.on_select == other.on_select
            && (Rc::ptr_eq(&self.claim, &other.claim) || shows_same(&self.claim, &other.claim))
    }
}

/// One claim in the list: its status, its quote, its source.
#[function_component(ClaimItem)]
fn claim_item(props: &ClaimItemProps) -> Html {
    let c = &props.claim;
    let onclick = {
        let (on_select, id) = (props.on_select.clone(), c.id.clone());
        Callback::from(move |_: MouseEvent| on_select.emit(id.clone()))
    };
    let is_selected = props.selected;
    html! {
        <div role="listitem" data-claim={c.id.clone()}>
            <button type="button"
                class={classes!("claim-item", is_selected.then_some("selected"))}
                aria-current={is_selected.then_some("true")}
                onclick={onclick}>
                { Html::from_html_unchecked(item_content(c, props.key_claim).into()) }
            </button>
        </div>
    }
}
