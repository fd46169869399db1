/**
 * How a card is picked up. Mouse and pen: the pointer sensor, after a few
 * pixels of travel, so a click still opens the card. Touch: a long press, so a
 * swipe still scrolls the board sideways (touch pointers are left to the touch
 * sensor). Keyboard: Space picks up and drops, the arrows move between
 * columns, Escape cancels; Enter is left to open the record.
 */
import {
  KeyboardSensor, PointerSensor, TouchSensor, useSensor, useSensors, type PointerActivationConstraint, type PointerSensorOptions,
} from '@dnd-kit/core';
import type { PointerEvent } from 'react';
import { columnKeyboardCoordinates } from './columnKeyboardCoordinates.js';

class MouseOrPenSensor extends PointerSensor {
  static override activators = [{
    eventName: 'onPointerDown' as const,
    handler: ({ nativeEvent: event }: PointerEvent, { onActivation }: PointerSensorOptions) => {
      if (event.pointerType === 'touch' || !event.isPrimary || event.button !== 0) return false;
      onActivation?.({ event });
      return true;
    },
  }];
}

const MOUSE: PointerActivationConstraint = { distance: 6 };
const TOUCH: PointerActivationConstraint = { delay: 250, tolerance: 8 };

export function useBoardSensors() {
  return useSensors(
    useSensor(MouseOrPenSensor, { activationConstraint: MOUSE }),
    useSensor(TouchSensor, { activationConstraint: TOUCH }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );
}
