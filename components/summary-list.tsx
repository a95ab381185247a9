import type { ReactNode } from "react";
import { classNames } from "./shared";

export type SummaryListAction = {
  href: string;
  text: string;
  /** Appended for screen readers, e.g. "name" for "Change name". */
  visuallyHiddenText?: string;
};

export type SummaryListRow = {
  key: ReactNode;
  value: ReactNode;
  actions?: { items: SummaryListAction[] };
};

export type SummaryListProps = {
  rows: SummaryListRow[];
  /** `false` removes the row borders. */
  border?: boolean;
};

export function SummaryList({ rows, border }: SummaryListProps) {
  const hasActions = rows.some((row) => (row.actions?.items.length ?? 0) > 0);
  return (
    <dl
      className={classNames(
        "nhsuk-summary-list",
        border === false && "nhsuk-summary-list--no-border",
      )}
    >
      {rows.map((row, index) => (
        <Row row={row} listHasActions={hasActions} key={index} />
      ))}
    </dl>
  );
}

function Row({ row, listHasActions }: { row: SummaryListRow; listHasActions: boolean }) {
  const [firstAction, ...otherActions] = row.actions?.items ?? [];
  return (
    <div
      className={classNames(
        "nhsuk-summary-list__row",
        listHasActions && !firstAction && "nhsuk-summary-list__row--no-actions",
      )}
    >
      <dt className="nhsuk-summary-list__key">{row.key}</dt>
      <dd className="nhsuk-summary-list__value">{row.value}</dd>
      {firstAction && (
        <dd className="nhsuk-summary-list__actions">
          {otherActions.length === 0 ? (
            <ActionLink action={firstAction} />
          ) : (
            <ul className="nhsuk-summary-list__actions-list">
              {[firstAction, ...otherActions].map((action, index) => (
                <li className="nhsuk-summary-list__actions-list-item" key={index}>
                  <ActionLink action={action} />
                </li>
              ))}
            </ul>
          )}
        </dd>
      )}
    </div>
  );
}

function ActionLink({ action }: { action: SummaryListAction }) {
  return (
    <a className="nhsuk-link" href={action.href}>
      {action.text}
      {action.visuallyHiddenText && (
        <span className="nhsuk-u-visually-hidden">{` ${action.visuallyHiddenText}`}</span>
      )}
    </a>
  );
}
