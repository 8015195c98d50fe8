import { Box, Group, Paper, Stack, Text, useDirection } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Pieces every dashboard chart shares. Mantine's charts draw left to right whatever the page
 * direction (their root is `dir="ltr"`, so SVG text anchors stay right); in Arabic the axes are
 * mirrored here instead: time and value run right to left and the value axis sits on the right.
 * Legends and tooltips are ordinary HTML in the page's direction.
 */
export function useChartAxes() {
  const rtl = useDirection().dir === 'rtl';
  const tick = (side: 'start' | 'end') => ({
    fontSize: 12,
    fill: 'currentColor',
    // Mantine nudges ticks away from a left axis; the nudge follows the side the axis is on.
    transform: (side === 'start') !== rtl ? 'translate(-8, 0)' : 'translate(8, 0)',
  });
  return {
    rtl,
    /** The category or time axis along the bottom. */
    baseAxis: { reversed: rtl },
    /** The main value axis: left in LTR, right in RTL. */
    valueAxis: { orientation: rtl ? ('right' as const) : ('left' as const), tick: tick('start') },
    /** A second value axis on the other side (e.g. % on time). */
    otherAxis: { orientation: rtl ? ('left' as const) : ('right' as const), tick: tick('end') },
  };
}

export interface LegendItem {
  label: string;
  color: string;
  /** How the series is drawn, so the swatch looks like it. */
  shape?: 'box' | 'line' | 'dashed';
}

const swatchColor = (color: string) => (color.startsWith('#') ? color : `var(--mantine-color-${color.replace('.', '-')})`);

function Swatch({ color, shape = 'box' }: Pick<LegendItem, 'color' | 'shape'>) {
  const c = swatchColor(color);
  if (shape === 'box') return <Box w={12} h={12} style={{ background: c, borderRadius: 2, flexShrink: 0 }} aria-hidden />;
  return (
    <svg width={20} height={12} aria-hidden style={{ flexShrink: 0 }}>
      <line x1={1} y1={6} x2={19} y2={6} stroke={c} strokeWidth={2.5} strokeDasharray={shape === 'dashed' ? '4 3' : undefined} />
    </svg>
  );
}

/** A legend in the page's direction, above the chart it explains. */
export function ChartLegendRow({ items }: { items: LegendItem[] }) {
  return (
    <Group gap="md" wrap="wrap" mb="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((item) => (
        <Group key={item.label} gap={6} wrap="nowrap" component="li">
          <Swatch color={item.color} shape={item.shape} />
          <Text size="xs">{item.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

export interface TipLine {
  label: string;
  value: string;
  color?: string;
  shape?: LegendItem['shape'];
}

/** The box a chart shows on hover: a title and label/value lines, in the page's direction. */
export function ChartTip({ title, lines, note }: { title: ReactNode; lines: TipLine[]; note?: ReactNode }) {
  const dir = useDirection().dir;
  return (
    <Paper withBorder shadow="md" p="xs" dir={dir} style={{ minWidth: 180, maxWidth: 320 }} data-testid="chart-tooltip">
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Stack gap={2}>
        {lines.map((l) => (
          <Group key={l.label} justify="space-between" gap="md" wrap="nowrap">
            <Group gap={6} wrap="nowrap">
              {l.color && <Swatch color={l.color} shape={l.shape} />}
              <Text size="xs" c="dimmed">
                {l.label}
              </Text>
            </Group>
            <Text size="xs" fw={600} style={{ unicodeBidi: 'isolate' }}>
              {l.value}
            </Text>
          </Group>
        ))}
      </Stack>
      {note && (
        <Text size="xs" c="dimmed" mt={4}>
          {note}
        </Text>
      )}
    </Paper>
  );
}

/**
 * Reads the data row under the pointer from what recharts hands a tooltip. Typed loosely on
 * purpose: recharts' payload is generic over any data, and each chart knows its own row shape.
 */
export function hoveredRow<T>(props: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }): T | null {
  if (!props.active || !props.payload?.length) return null;
  return (props.payload[0]?.payload as T | undefined) ?? null;
}
