export { CSV_TARGETS, TARGET_LABELS, autoMap, type Target } from './columns';
export { detectDateOrder, parseDate, type DateOrder, type DateRead } from './dates';
export { DELIMITERS, DELIMITER_NAMES, detectDelimiter, readCsv, type CsvFile, type Delimiter } from './read';
export { currencyFromHeader, currencyIn, parseAmountCell, parseSalary, type SalaryRead } from './salary';
export { PLACEHOLDER, STATUS_WORDS, priorityFromWord, stageFromWord } from './words';
export { writeCsv } from './write';
