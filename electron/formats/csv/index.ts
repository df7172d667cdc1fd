export { CSV_TARGETS, TARGET_LABELS, autoMap, type Target } from './columns';
export { detectDateOrder, parseDate, type DateOrder } from './dates';
export { DELIMITER_NAMES, readCsv, type CsvFile } from './read';
export { currencyFromHeader, currencyIn, parseAmountCell, parseSalary, type SalaryRead } from './salary';
export { PLACEHOLDER, priorityFromWord, stageFromWord } from './words';
export { writeCsv } from './write';
