import { mountPage } from '../../components/mount-page';
import RitualPage from '../../components/RitualPage.svelte';

mountPage(RitualPage, 'ritual_title');
