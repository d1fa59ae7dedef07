import { Badge, Button, Group, Text, Tree, useTree, type TreeNodeData } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplosionNode } from '../../api';
import { wholeUnitsToUse } from '@kapok/contracts';
import { formatNumber, formatQuantity } from '../../../../lib/quantity';
import classes from './Explosion.module.css';

const KIND_COLOR = { PRODUCT: 'kapok', WIP: 'grape', KIT: 'orange', MATERIAL: 'gray' } as const;

/** Tree data with a unique value per node (its path), and the explosion node kept by value. */
function toTreeData(root: ExplosionNode) {
  const nodes = new Map<string, ExplosionNode>();
  const walk = (node: ExplosionNode, path: string): TreeNodeData => {
    nodes.set(path, node);
    return {
      value: path,
      label: node.code,
      children: node.children.map((child, i) => walk(child, `${path}/${i}`)),
    };
  };
  return { data: [walk(root, '0')], nodes };
}

/** The exploded BOM level by level, opened to the WIP levels; arrow keys move, Space opens and closes. */
export function ExplosionTree({ tree: root }: { tree: ExplosionNode }) {
  const { t, i18n } = useTranslation();
  const { data, nodes } = useMemo(() => toTreeData(root), [root]);
  const openLevels = useMemo(
    () =>
      Object.fromEntries(
        [...nodes].map(([path, node]) => [path, node.kind !== 'MATERIAL' && node.children.length > 0]),
      ),
    [nodes],
  );
  const tree = useTree({ initialExpandedState: openLevels });

  return (
    <div>
      <Group gap="xs" mb="xs">
        <Button size="compact-xs" variant="subtle" onClick={() => tree.expandAllNodes()}>
          {t('bom.explosion.expandAll')}
        </Button>
        <Button size="compact-xs" variant="subtle" onClick={() => tree.collapseAllNodes()}>
          {t('bom.explosion.collapseAll')}
        </Button>
      </Group>
      <Tree
        data={data}
        tree={tree}
        levelOffset="md"
        aria-label={t('bom.explosion.tree')}
        renderNode={({ node, expanded, hasChildren, elementProps }) => {
          const n = nodes.get(node.value)!;
          return (
            <div {...elementProps} className={`${elementProps.className} ${classes.node}`}>
              {hasChildren ? (
                expanded ? (
                  <IconChevronDown size={14} />
                ) : (
                  <IconChevronRight size={14} />
                )
              ) : (
                <span style={{ width: 14 }} />
              )}
              <Badge size="xs" variant="light" color={KIND_COLOR[n.kind]} tt="none" w={70}>
                {t(`bom.explosion.kinds.${n.kind}`)}
              </Badge>
              <Text size="sm" fw={n.kind === 'MATERIAL' ? 500 : 700}>
                {n.code}
              </Text>
              <Text size="xs" c="dimmed" truncate visibleFrom="sm">
                {n.name}
              </Text>
              {n.substitutesFor && (
                <Badge size="xs" variant="light" color="violet" tt="none">
                  {t('bom.explosion.insteadOf', { code: n.substitutesFor })}
                </Badge>
              )}
              <Text size="sm" className={classes.nodeQty}>
                {formatQuantity(wholeUnitsToUse(n.quantity, n.uom), n.uom, i18n.language)}
                {n.wastagePercent ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (+{formatNumber(n.wastagePercent, i18n.language, 2)} %)
                  </Text>
                ) : null}
                {n.department && (
                  <Text span size="xs" c="dimmed">
                    {' · '}
                    {t(`departments.${n.department}`)}
                  </Text>
                )}
              </Text>
            </div>
          );
        }}
      />
    </div>
  );
}
