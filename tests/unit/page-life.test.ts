// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameAddress } from '../../lib/page/address';
import { extensionLife } from '../../lib/page/life';

afterEach(() => vi.useRealTimers());

describe('the page session lives as long as the extension runtime', () => {
  it('ends only when the runtime id is gone, and tells each clean-up once', () => {
    vi.useFakeTimers();
    let alive = true;
    const life = extensionLife(() => alive);
    const ended = vi.fn();
    life.onInvalidated(ended);
    // Whatever the page dispatches meanwhile, the answer comes from the runtime.
    document.dispatchEvent(new CustomEvent('x:content:wxt:content-script-started', { detail: { contentScriptName: 'content', messageId: 'not-you' } }));
    vi.advanceTimersByTime(5000);
    expect(life.isValid).toBe(true);
    expect(ended).not.toHaveBeenCalled();
    alive = false;
    vi.advanceTimersByTime(1000);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(life.isValid).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(ended).toHaveBeenCalledTimes(1);
    // A late subscriber learns at once.
    const late = vi.fn();
    life.onInvalidated(late);
    expect(late).toHaveBeenCalledTimes(1);
  });
});

describe('the address whose site settings apply to a frame', () => {
  it('is the page origin for frames the page wrote, and the frame address otherwise', () => {
    expect(frameAddress({ href: 'https://news.example/a?b=1', origin: 'https://news.example' }, '')).toBe('https://news.example/a?b=1');
    expect(frameAddress({ href: 'about:srcdoc', origin: 'https://news.example' }, '')).toBe('https://news.example/');
    expect(frameAddress({ href: 'about:blank', origin: 'https://news.example' }, '')).toBe('https://news.example/');
    expect(frameAddress({ href: 'blob:https://news.example/1b2c', origin: 'https://news.example' }, '')).toBe('https://news.example/');
    // data: frames have an opaque origin: the page that embeds them decides.
    expect(frameAddress({ href: 'data:text/html,<p>x', origin: 'null' }, 'https://broker.example/offer')).toBe('https://broker.example/');
    expect(frameAddress({ href: 'data:text/html,<p>x', origin: 'null' }, '')).toBe('data:text/html,<p>x');
  });
});
