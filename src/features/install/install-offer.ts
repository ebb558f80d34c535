// Which install offer the app shows: the browser's own prompt behind an Install app button, a
// short Add to Home Screen hint on iOS (Safari has no beforeinstallprompt), or nothing at all.

/** What the app offers: a button, the iOS hint, or nothing. */
export type InstallOffer = 'button' | 'ios-hint' | 'none';

/** What the decision depends on, all read from the browser. */
export interface InstallContext {
  /** A deferred `beforeinstallprompt` event is held. */
  promptAvailable: boolean;
  /** Running as an installed app (`display-mode: standalone`, or iOS's `navigator.standalone`). */
  standalone: boolean;
  /** `appinstalled` fired in this page. */
  installed: boolean;
  userAgent: string;
  maxTouchPoints: number;
  /** The listener closed the iOS hint before. */
  hintDismissed: boolean;
}

/** iPhone, iPod or iPad, including iPadOS, whose Safari says it is a Mac but has a touch screen. */
export function isAppleMobile(userAgent: string, maxTouchPoints: number): boolean {
  if (/\b(iPhone|iPad|iPod)\b/.test(userAgent)) return true;
  return /\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1;
}

/** Decides the install offer for this page. */
export function installOffer(context: InstallContext): InstallOffer {
  if (context.standalone || context.installed) return 'none';
  if (context.promptAvailable) return 'button';
  if (context.hintDismissed || !isAppleMobile(context.userAgent, context.maxTouchPoints)) {
    return 'none';
  }
  return 'ios-hint';
}
