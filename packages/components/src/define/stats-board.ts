import './provider.js';
import { DsStatsBoard } from '../stats-board/stats-board.js';
import { define } from './define.js';

define('ds-stats-board', DsStatsBoard);
