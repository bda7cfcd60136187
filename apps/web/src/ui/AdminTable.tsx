import type { ReactNode } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';

export interface AdminColumn<T> {
  label: string;
  cell: (item: T) => ReactNode;
}

/**
 * A table of records (React Aria's grid: arrow keys move between cells); the
 * first column names the row. On a small screen each row becomes a block with
 * every value under its column's name (ui/admin.css).
 */
export function AdminTable<T>({
  labelledBy,
  label,
  columns,
  items,
  rowId,
  empty,
}: {
  labelledBy?: string;
  label?: string;
  columns: AdminColumn<T>[];
  items: T[];
  rowId: (item: T) => string;
  empty: string;
}) {
  return (
    <div className="table-wrap">
      <Table aria-labelledby={labelledBy} aria-label={label} className="admin-table">
        <TableHeader>
          {columns.map((column, index) => (
            <Column key={column.label} id={String(index)} isRowHeader={index === 0}>
              {column.label}
            </Column>
          ))}
        </TableHeader>
        <TableBody items={items.map((item) => ({ id: rowId(item), item }))} renderEmptyState={() => empty}>
          {({ id, item }) => (
            <Row id={id}>
              {columns.map((column, index) => (
                <Cell key={index} data-label={column.label}>
                  {column.cell(item)}
                </Cell>
              ))}
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
