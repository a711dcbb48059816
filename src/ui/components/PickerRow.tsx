// The leader picker's rows as ink-select-input draws them: its indicator and item components,
// painted in our theme roles (NO_COLOR comes with the theme) and cut to the pane by display width.
// A row's label starts with its digit column (`1 `..`9 `, blank after nine): the key that picks it.
import {Text} from 'ink';
import type {IndicatorProps, ItemProps} from 'ink-select-input';
import type {FC} from 'react';
import {paint} from '../paint.js';
import type {Theme} from '../theme.js';

/** Rows of the picker a digit can pick (1-9). */
export const PICKER_DIGITS = 9;
/** Columns of a label taken by the digit column. */
const DIGIT_COLUMN = 2;
/** Columns of the indicator: the pane's left margin and `▸ `. */
const INDICATOR_COLUMNS = 3;

/** The label of the picker's row `n` (0-based): its digit column, then the text. */
export const pickerLabel = (n: number, text: string): string => (n < PICKER_DIGITS ? `${n + 1} ` : '  ') + text;

export interface PickerRowComponents {
  indicator: FC<IndicatorProps>;
  item: FC<ItemProps>;
}

/** Row components for a pane `width` columns wide. The selection shows only while the pane has
 *  the focus (as in the other panes): a `▸` and a bar across the row. */
export function pickerRowComponents(theme: Theme, focused: boolean, width: number): PickerRowComponents {
  const labelWidth = Math.max(1, width - INDICATOR_COLUMNS);
  const base = (isSelected: boolean | undefined): 'selected' | null => (isSelected && focused ? 'selected' : null);
  const indicator: FC<IndicatorProps> = ({isSelected}) => (
    <Text>{' ' + paint(theme, [{text: isSelected && focused ? '▸ ' : '  ', role: 'key'}], INDICATOR_COLUMNS - 1, {base: base(isSelected)})}</Text>
  );
  const item: FC<ItemProps> = ({isSelected, label}) => (
    <Text>
      {paint(theme, [{text: label.slice(0, DIGIT_COLUMN), role: 'key'}, {text: label.slice(DIGIT_COLUMN), role: null}], labelWidth, {
        base: base(isSelected),
        pad: base(isSelected) !== null,
      })}
    </Text>
  );
  return {indicator, item};
}
