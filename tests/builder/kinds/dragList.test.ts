import { describe, expect, it } from 'vitest';
import { slotCoordinates } from '../../../builder/src/designer/kinds/DragList.js';

describe('drag list keyboard slots', () => {
  const rects = new Map([
    ['a', { left: 0, top: 0, width: 200, height: 100 }],
    ['b', { left: 0, top: 110, width: 200, height: 300 }],
    ['c', { left: 0, top: 420, width: 200, height: 50 }],
  ]);
  it('centres the dragged item on the next or previous slot', () => {
    expect(slotCoordinates(['a', 'b', 'c'], 'ArrowDown', 'a', rects, { width: 200, height: 100 })).toEqual({ x: 0, y: 210 });
    expect(slotCoordinates(['a', 'b', 'c'], 'ArrowRight', 'b', rects, { width: 200, height: 100 })).toEqual({ x: 0, y: 395 });
    expect(slotCoordinates(['a', 'b', 'c'], 'ArrowUp', 'b', rects, { width: 200, height: 100 })).toEqual({ x: 0, y: 0 });
  });
  it('stays put at either end and for other keys', () => {
    expect(slotCoordinates(['a', 'b', 'c'], 'ArrowUp', 'a', rects, { width: 200, height: 100 })).toBeUndefined();
    expect(slotCoordinates(['a', 'b', 'c'], 'ArrowDown', 'c', rects, { width: 200, height: 100 })).toBeUndefined();
    expect(slotCoordinates(['a', 'b', 'c'], 'KeyA', 'a', rects, { width: 200, height: 100 })).toBeUndefined();
  });
});
