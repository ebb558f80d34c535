// The install offer: a button when the browser offers installation, the iOS hint on iPhone and
// iPad Safari, and nothing once installed or for a listener who closed the hint.
import { describe, expect, it } from 'vitest';
import {
  installOffer,
  isAppleMobile,
  type InstallContext,
} from '../../../../src/features/install/install-offer.ts';

const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD_OLD =
  'Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1';
// iPadOS 13+ Safari asks for desktop sites: a Mac's user agent, but a touch screen.
const MAC_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

function context(overrides: Partial<InstallContext>): InstallContext {
  return {
    promptAvailable: false,
    standalone: false,
    installed: false,
    userAgent: ANDROID_CHROME,
    maxTouchPoints: 5,
    hintDismissed: false,
    ...overrides,
  };
}

describe('isAppleMobile', () => {
  it('knows iPhone, old iPad and iPadOS with its desktop user agent', () => {
    expect(isAppleMobile(IPHONE_SAFARI, 5)).toBe(true);
    expect(isAppleMobile(IPAD_OLD, 5)).toBe(true);
    expect(isAppleMobile(MAC_SAFARI, 5)).toBe(true);
  });

  it('leaves a real Mac (no touch) and Android alone', () => {
    expect(isAppleMobile(MAC_SAFARI, 0)).toBe(false);
    expect(isAppleMobile(ANDROID_CHROME, 5)).toBe(false);
  });
});

describe('installOffer', () => {
  it('offers the Install app button while the browser holds a prompt', () => {
    expect(installOffer(context({ promptAvailable: true }))).toBe('button');
  });

  it('offers nothing without a prompt outside iOS', () => {
    expect(installOffer(context({}))).toBe('none');
  });

  it('hides the button once running installed or after appinstalled', () => {
    expect(installOffer(context({ promptAvailable: true, standalone: true }))).toBe('none');
    expect(installOffer(context({ promptAvailable: true, installed: true }))).toBe('none');
  });

  it('shows the Add to Home Screen hint on iPhone and iPad Safari', () => {
    expect(installOffer(context({ userAgent: IPHONE_SAFARI }))).toBe('ios-hint');
    expect(installOffer(context({ userAgent: MAC_SAFARI, maxTouchPoints: 5 }))).toBe('ios-hint');
  });

  it('shows no hint on iOS once added to the home screen or once closed', () => {
    expect(installOffer(context({ userAgent: IPHONE_SAFARI, standalone: true }))).toBe('none');
    expect(installOffer(context({ userAgent: IPHONE_SAFARI, hintDismissed: true }))).toBe('none');
  });
});
