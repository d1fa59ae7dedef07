import {
  KeyboardCode,
  PointerSensor,
  TouchSensor,
  type DroppableContainer,
  type DroppableContainers,
  type KeyboardCoordinateGetter,
  type PointerSensorOptions,
  type TouchSensorOptions,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import type { PointerEvent as ReactPointerEvent, TouchEvent as ReactTouchEvent } from 'react';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { statusOfColumnId } from './board-model';

/** A press on a card's buttons is a click, never the start of a drag (the grip handle is a button too). */
const onControl = (target: EventTarget | null) =>
  target instanceof Element && !!target.closest('button:not([data-drag-handle]), a, input, textarea');

/** Mouse and pen; fingers are the TouchSensor's, with a hold so that a swipe still scrolls the column. */
export class MousePointerSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === 'touch') return false;
        if (onControl(event.target)) return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

export class FingerSensor extends TouchSensor {
  static override activators = [
    {
      eventName: 'onTouchStart' as const,
      handler: ({ nativeEvent: event }: ReactTouchEvent, { onActivation }: TouchSensorOptions) => {
        if (event.touches.length > 1 || onControl(event.target)) return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

/** A DroppableContainers view over some of the containers. */
class ContainerSubset extends Map<UniqueIdentifier, DroppableContainer> {
  override get(id: UniqueIdentifier | null | undefined) {
    return id == null ? undefined : super.get(id);
  }
  toArray() {
    return [...this.values()];
  }
  getEnabled() {
    return this.toArray().filter((c) => !c.disabled);
  }
  getNodeFor(id: UniqueIdentifier | null | undefined) {
    return this.get(id)?.node.current ?? undefined;
  }
}

/**
 * Keyboard moves on the board: left and right step through the columns the card may go to (the others are
 * disabled drop targets, so they are skipped), then the drop zones of hidden columns; up and down change its
 * place among the cards of its own column.
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { collisionRect, droppableRects, droppableContainers, active, over } = args.context;
  if (!collisionRect || !active) return undefined;

  if (event.code === KeyboardCode.Right || event.code === KeyboardCode.Left) {
    event.preventDefault();
    const step = event.code === KeyboardCode.Right ? 1 : -1;
    // The columns left to right, then the drop zones of hidden columns, as if they stood after the last one.
    const places = droppableContainers
      .getEnabled()
      .filter((c) => statusOfColumnId(c.id))
      .map((c) => ({
        status: statusOfColumnId(c.id),
        zone: (c.data.current as { type?: string } | undefined)?.type === 'zone',
        rect: droppableRects.get(c.id),
      }))
      .filter((p): p is typeof p & { rect: NonNullable<typeof p.rect> } => !!p.rect)
      .sort((a, b) => Number(a.zone) - Number(b.zone) || a.rect.left - b.rect.left);
    const here =
      statusOfColumnId(over?.id) ??
      (over?.data.current as { status?: string } | undefined)?.status ??
      (active.data.current as { status?: string } | undefined)?.status;
    let index = places.findIndex((p) => p.status === here);
    if (index === -1) {
      // Over nothing: start from the column under the card.
      const centre = collisionRect.left + collisionRect.width / 2;
      index = places.findIndex(
        (p) => !p.zone && p.rect.left <= centre && centre < p.rect.left + p.rect.width,
      );
    }
    const target = index === -1 ? undefined : places[index + step];
    if (!target) return undefined;
    return {
      x: target.rect.left + (target.rect.width - collisionRect.width) / 2,
      y: target.zone
        ? target.rect.top + (target.rect.height - collisionRect.height) / 2
        : target.rect.top + 40,
    };
  }

  if (event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) {
    const home = (active.data.current as { status?: string } | undefined)?.status;
    const overStatus =
      statusOfColumnId(over?.id) ?? (over?.data.current as { status?: string } | undefined)?.status;
    if (over && overStatus !== home) {
      event.preventDefault();
      return undefined;
    }
    const cards = new ContainerSubset();
    for (const container of droppableContainers.getEnabled()) {
      const data = container.data.current as { type?: string; status?: string } | undefined;
      if (data?.type === 'card' && data.status === home) cards.set(container.id, container);
    }
    return sortableKeyboardCoordinates(event, {
      ...args,
      context: { ...args.context, droppableContainers: cards as unknown as DroppableContainers },
    });
  }
  return undefined;
};
