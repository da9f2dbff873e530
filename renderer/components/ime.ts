/**
 * Input-method safety. Chinese is typed through an IME: the Enter that confirms a
 * candidate (注音/倉頡/拼音) arrives as a keydown too, and must never submit a form,
 * run a palette command or fire a shortcut. Browsers disagree on how to mark it:
 * Chromium and Firefox send the keydown with isComposing = true (keyCode 229) before
 * compositionend; Safari sends compositionend first and then a keydown that may say
 * isComposing = false. So we also watch composition on the document and treat a keydown
 * in the same tick as a compositionend, or while a composition is open, as composing.
 * Every keyboard handler in the app asks this module; there is no other check.
 */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

type AnyKeyboardEvent = KeyboardEvent | ReactKeyboardEvent;

let open = false;
let justEnded = false;
let installedOn: Document | null = null;

function install(doc: Document): void {
  if (installedOn === doc) return;
  installedOn = doc;
  const onStart = () => {
    open = true;
    justEnded = false;
  };
  const onEnd = () => {
    open = false;
    justEnded = true;
    // Safari's confirming keydown follows compositionend in the same task.
    setTimeout(() => {
      justEnded = false;
    }, 0);
  };
  // A composition cut short by a focus change never sends compositionend everywhere.
  const onReset = () => {
    open = false;
  };
  doc.addEventListener('compositionstart', onStart, true);
  doc.addEventListener('compositionend', onEnd, true);
  doc.addEventListener('focusout', onReset, true);
}

if (typeof document !== 'undefined') install(document);

function nativeOf(e: AnyKeyboardEvent): KeyboardEvent {
  return ('nativeEvent' in e ? e.nativeEvent : e) as KeyboardEvent;
}

/** True when this keystroke belongs to an input-method composition, whatever the key. */
export function isComposing(e: AnyKeyboardEvent): boolean {
  const native = nativeOf(e);
  if (native.isComposing || (e as KeyboardEvent).isComposing) return true;
  if (native.keyCode === 229 || native.key === 'Process') return true;
  return open || justEnded;
}

/** True for the Enter that confirms an IME candidate: never treat it as "submit". */
export function isComposingEnter(e: AnyKeyboardEvent): boolean {
  const native = nativeOf(e);
  const enterLike = native.key === 'Enter' || native.keyCode === 13 || native.keyCode === 229 || native.key === 'Process';
  return enterLike && isComposing(e);
}

/** An Enter the user meant as Enter: no IME composition, no modifier key. */
export function isSubmitEnter(e: AnyKeyboardEvent): boolean {
  const native = nativeOf(e);
  return native.key === 'Enter' && !native.shiftKey && !native.altKey && !native.metaKey && !native.ctrlKey && !isComposing(e);
}

/** Makes the document-level tracking watch another document (tests with their own jsdom). */
export function watchCompositions(doc: Document = document): void {
  install(doc);
}
