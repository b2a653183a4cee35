import { mountPage } from '../../components/mount-page';
import OptionsPage from '../../components/OptionsPage.svelte';

mountPage(OptionsPage, 'options_title');
