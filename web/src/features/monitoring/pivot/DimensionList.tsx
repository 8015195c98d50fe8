import { ActionIcon, Button, Group, Menu, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconSwitchHorizontal, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCATION_LEVELS, type LocationLevel } from '@shared/schemas/locations.js';
import { GRANULARITIES, type Granularity, type PivotCatalogue, type PivotDefinition, type PivotDimension } from '@shared/schemas/monitoring.js';
import {
  addableDimensions,
  addDimension,
  type Axis,
  axisLimit,
  dimensionKey,
  moveDimension,
  removeDimension,
  replaceDimension,
  switchAxis,
} from './definition.js';
import { useDimensionNames } from './labels.js';

interface Props {
  axis: Axis;
  definition: PivotDefinition;
  catalogue: PivotCatalogue;
  onChange: (def: PivotDefinition) => void;
}

/**
 * One axis of the pivot ("Rows" or "Columns"): its dimensions in order, each with buttons to move
 * it, send it to the other axis or remove it, and a menu to add one. Buttons, not drag and drop,
 * so the keyboard and screen readers can do everything.
 */
export function DimensionList({ axis, definition, catalogue, onChange }: Props) {
  const { t } = useTranslation('pivot');
  const names = useDimensionNames(catalogue);
  const list = definition[axis];
  const other: Axis = axis === 'rows' ? 'columns' : 'rows';
  const otherFull = definition[other].length >= axisLimit(other);
  const addable = addableDimensions(definition, catalogue);
  const full = list.length >= axisLimit(axis);
  const title = t(`builder.${axis}`);

  return (
    <Stack gap={6} data-testid={`pivot-${axis}`}>
      <Group justify="space-between" gap="xs">
        <Text fw={600} size="sm" id={`pivot-${axis}-title`}>
          {title}
        </Text>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlus size={14} />}
              disabled={full || addable.length === 0}
              aria-label={t('builder.addTo', { axis: title })}
              data-testid={`pivot-add-${axis}`}
            >
              {t('builder.add')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {addable.map((d) => (
              <Menu.Item key={dimensionKey(d)} onClick={() => onChange(addDimension(definition, axis, d))} data-dimension={dimensionKey(d)}>
                {names.kindName(d)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t(`builder.${axis}Empty`)}
        </Text>
      ) : (
        <Stack gap={4} component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={`pivot-${axis}-title`}>
          {list.map((d, i) => {
            const name = names.kindName(d);
            return (
              <Paper key={dimensionKey(d)} component="li" withBorder px="xs" py={4} data-dimension={dimensionKey(d)}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} truncate>
                      {name}
                    </Text>
                    <DimensionDetail dimension={d} onChange={(next) => onChange(replaceDimension(definition, axis, i, next))} names={names} />
                  </Group>
                  <Group gap={2} wrap="nowrap">
                    <IconButton label={t('builder.moveUp', { name })} disabled={i === 0} onClick={() => onChange(moveDimension(definition, axis, i, -1))}>
                      <IconArrowUp size={16} />
                    </IconButton>
                    <IconButton
                      label={t('builder.moveDown', { name })}
                      disabled={i === list.length - 1}
                      onClick={() => onChange(moveDimension(definition, axis, i, 1))}
                    >
                      <IconArrowDown size={16} />
                    </IconButton>
                    <IconButton
                      label={t(axis === 'rows' ? 'builder.toColumns' : 'builder.toRows', { name })}
                      disabled={otherFull}
                      onClick={() => onChange(switchAxis(definition, axis, i))}
                    >
                      <IconSwitchHorizontal size={16} />
                    </IconButton>
                    <IconButton label={t('builder.remove', { name })} onClick={() => onChange(removeDimension(definition, axis, i))} color="red">
                      <IconX size={16} />
                    </IconButton>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}

function IconButton({ label, children, ...props }: { label: string; children: ReactNode; disabled?: boolean; onClick: () => void; color?: string }) {
  return (
    <Tooltip label={label} withArrow openDelay={400}>
      <ActionIcon variant="subtle" color={props.color ?? 'gray'} size="sm" aria-label={label} disabled={props.disabled} onClick={props.onClick}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** A place's level or a period's granularity, chosen in the list item itself. */
function DimensionDetail({
  dimension,
  onChange,
  names,
}: {
  dimension: PivotDimension;
  onChange: (d: PivotDimension) => void;
  names: ReturnType<typeof useDimensionNames>;
}) {
  const { t } = useTranslation('pivot');
  if (dimension.type === 'location') {
    return (
      <Select
        size="xs"
        w={190}
        aria-label={t('builder.level')}
        data={LOCATION_LEVELS.map((l) => ({ value: l, label: names.levelName(l) }))}
        value={dimension.level}
        allowDeselect={false}
        onChange={(v) => v && onChange({ type: 'location', level: v as LocationLevel })}
        comboboxProps={{ withinPortal: true }}
      />
    );
  }
  if (dimension.type === 'period') {
    return (
      <Select
        size="xs"
        w={130}
        aria-label={t('builder.granularity')}
        data={GRANULARITIES.map((g) => ({ value: g, label: names.granularityName(g) }))}
        value={dimension.granularity}
        allowDeselect={false}
        onChange={(v) => v && onChange({ type: 'period', granularity: v as Granularity })}
        comboboxProps={{ withinPortal: true }}
      />
    );
  }
  return null;
}
